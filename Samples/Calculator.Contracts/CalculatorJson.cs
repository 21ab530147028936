using System.Text.Json.Serialization;

namespace Calculator.Contracts;

/// <summary>How the contract's own types become JSON, without reflection: camelCase, as a page expects.</summary>
[JsonSerializable(typeof(Summary))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class CalculatorJson : JsonSerializerContext;
