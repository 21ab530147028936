namespace Calculator.Contracts;

/// <summary>What <see cref="ICalculator.Summarize"/> answers; on the wire, a camelCase JSON object.</summary>
public sealed record Summary(int Count, double Sum, double Mean, double Min, double Max);
