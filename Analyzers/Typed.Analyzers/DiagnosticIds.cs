namespace Typed.Analyzers;

/// <summary>The analyzers' diagnostic ids, one per concept, never reused.</summary>
internal static class DiagnosticIds
{
    public const string UnsupportedReturnType = "TYPED001";
    public const string ParameterNotByValue = "TYPED002";
    public const string GenericEvent = "TYPED003";
    public const string GenericContract = "TYPED004";
    public const string NotAnEventMember = "TYPED005";
    public const string ContractPlacement = "TYPED006";
    public const string DuplicateEventName = "TYPED007";
    public const string EmptyEventName = "TYPED008";
    public const string ReservedEventName = "TYPED009";
    public const string UnencodableType = "TYPED010";
    public const string InvalidJsonContext = "TYPED011";
    public const string CancellationTokenNotLast = "TYPED012";
    public const string NotAContract = "TYPED013";
    public const string NotAnInterface = "TYPED014";
    public const string AnswerFromBroadcast = "TYPED015";
    public const string MessagePackNegativeZero = "TYPED016";
}
