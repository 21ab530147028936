using System.Text.Json.Serialization;

namespace Ticker.Contracts;

/// <summary>How quotes travel: camelCase, as a page expects (<c>quote.symbol</c>), without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Quote[]))]
internal sealed partial class TickerJson : JsonSerializerContext;
