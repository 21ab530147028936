using Microsoft.CodeAnalysis;

namespace Typed.Analyzers;

/// <summary>Every diagnostic the analyzers report; each links to its section of docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string Contracts = "Typed.Contracts";
    private const string Usage = "Typed.Usage";
    private const string Help = "https://github.com/typed-dotnet/typed/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        DiagnosticIds.UnsupportedReturnType,
        "Event methods return void, Task, ValueTask, Task<T> or ValueTask<T>",
        "Event '{0}' returns '{1}': an event returns void, Task or ValueTask, or Task<T> or ValueTask<T> to wait for an answer",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed001");

    public static readonly DiagnosticDescriptor ParameterNotByValue = new(
        DiagnosticIds.ParameterNotByValue,
        "Event arguments are passed by value",
        "Parameter '{0}' of event '{1}' is {2}: event arguments cross the wire by value, so drop the modifier",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed002");

    public static readonly DiagnosticDescriptor GenericEvent = new(
        DiagnosticIds.GenericEvent,
        "Event methods are not generic",
        "Event '{0}' is generic: the receiving side cannot know its type arguments, so use concrete types",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed003");

    public static readonly DiagnosticDescriptor GenericContract = new(
        DiagnosticIds.GenericContract,
        "Event contracts are not generic",
        "[Events] interface '{0}' is generic: declare one contract per set of concrete types",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed004");

    public static readonly DiagnosticDescriptor NotAnEventMember = new(
        DiagnosticIds.NotAnEventMember,
        "Event contracts declare only methods",
        "{0} '{1}' cannot be an event: an [Events] interface declares only methods",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed005");

    public static readonly DiagnosticDescriptor ContractPlacement = new(
        DiagnosticIds.ContractPlacement,
        "Event contracts are top-level interfaces",
        "[Events] interface '{0}' is {1}: the generated sender lives beside it, so declare it as a top-level public or internal interface",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed006");

    public static readonly DiagnosticDescriptor DuplicateEventName = new(
        DiagnosticIds.DuplicateEventName,
        "Event names are unique within a contract",
        "Event '{0}' has the wire name '{1}', as '{2}' does: give one of them another [EventName]",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed007");

    public static readonly DiagnosticDescriptor EmptyEventName = new(
        DiagnosticIds.EmptyEventName,
        "Event names are not empty",
        "Event '{0}' has an empty or blank wire name: give [EventName] a name",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed008");

    public static readonly DiagnosticDescriptor ReservedEventName = new(
        DiagnosticIds.ReservedEventName,
        "Event names do not collide with the protocol's",
        "Event '{0}' has the wire name '{1}', which {2}: choose another [EventName]",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed009");

    public static readonly DiagnosticDescriptor UnencodableType = new(
        DiagnosticIds.UnencodableType,
        "Event arguments and results are types the codecs can encode",
        "The {1} of event '{0}' has type '{2}', which cannot be encoded: {3}",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed010");

    public static readonly DiagnosticDescriptor InvalidJsonContext = new(
        DiagnosticIds.InvalidJsonContext,
        "JsonContext is a JsonSerializerContext",
        "JsonContext '{0}' of [Events] interface '{1}' is not a System.Text.Json.Serialization.JsonSerializerContext: derive it from one and mark it [JsonSerializable] for the contract's types",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed011");

    public static readonly DiagnosticDescriptor CancellationTokenNotLast = new(
        DiagnosticIds.CancellationTokenNotLast,
        "A CancellationToken is the last parameter",
        "Parameter '{0}' of event '{1}' is a CancellationToken that is not last: only a trailing token cancels the call, any other would be sent as an argument, so move it to the end",
        Contracts,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed012");

    public static readonly DiagnosticDescriptor NotAContract = new(
        DiagnosticIds.NotAContract,
        "Typed events need an [Events] interface",
        "'{0}' is not marked [Events], so it has no generated sender or dispatcher: mark it [Events]",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed013");

    public static readonly DiagnosticDescriptor NotAnInterface = new(
        DiagnosticIds.NotAnInterface,
        "Typed events need an interface",
        "'{0}' is not an interface: {1}<T> takes an [Events] interface",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed014");

    public static readonly DiagnosticDescriptor AnswerFromBroadcast = new(
        DiagnosticIds.AnswerFromBroadcast,
        "A send to many clients has no answer to wait for",
        "Event '{0}' waits for an answer, but this sender reaches many clients (a broadcast, a user, a room) and has no single answer to give: send it with client.Events<{1}>() to one client, or make the event return void or Task",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed015");

    public static readonly DiagnosticDescriptor MessagePackNegativeZero = new(
        DiagnosticIds.MessagePackNegativeZero,
        "MessagePack carries negative zero as zero",
        "{0} carries '{1}' ({2}): over MessagePack a floating-point -0 arrives as 0, where JSON keeps its sign",
        Contracts,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: Help + "typed016");
}
