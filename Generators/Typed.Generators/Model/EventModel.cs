namespace Typed.Generators.Model;

internal sealed record ParameterModel(string Name, TypeModel Type);

/// <summary>One event: the method, the name on the wire, its arguments and its result.</summary>
internal sealed record EventModel(
    string MethodName,
    string EventName,
    ReturnShape Return,
    string ReturnTypeName,
    TypeModel? Result,
    EquatableArray<ParameterModel> Parameters,
    string? CancellationTokenName);
