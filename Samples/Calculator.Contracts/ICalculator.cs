using Typed.Events;

namespace Calculator.Contracts;

/// <summary>What a calculator page or client asks of the server; every event waits for its answer.</summary>
[Events(JsonContext = typeof(CalculatorJson))]
public interface ICalculator
{
    /// <summary>Answers <c>a + b</c>.</summary>
    Task<double> Add(double a, double b);

    /// <summary>Answers <c>a / b</c>; dividing by zero fails, and the caller's await or promise with it.</summary>
    Task<double> Divide(double a, double b);

    /// <summary>Answers count, sum, mean, smallest and largest of some numbers (at least one).</summary>
    Task<Summary> Summarize(double[] values);

    /// <summary>Answers with the same text.</summary>
    Task<string> Echo(string text);
}
