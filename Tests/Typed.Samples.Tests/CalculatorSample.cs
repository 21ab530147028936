namespace Typed.Samples.Tests;

/// <summary>The calculator sample, one server for a test class.</summary>
public sealed class CalculatorSample() : RunningSample("Calculator");
