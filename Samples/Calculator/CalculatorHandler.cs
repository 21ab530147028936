using Calculator.Contracts;
using Typed.Events;

namespace Calculator;

/// <summary>
/// Answers the contract, one instance per event. An <see cref="EventException"/>'s message (never
/// its stack) goes back to the caller, whose promise rejects or whose await throws
/// <c>RemoteEventException</c>; any other exception reaches it only as a generic error.
/// </summary>
internal sealed class CalculatorHandler : ICalculator
{
    public Task<double> Add(double a, double b) => Task.FromResult(a + b);

    public Task<double> Divide(double a, double b) =>
        b == 0 ? throw new EventException("Cannot divide by zero.") : Task.FromResult(a / b);

    public Task<Summary> Summarize(double[] values) =>
        values.Length == 0
            ? throw new EventException("Give at least one number.")
            : Task.FromResult(new Summary(values.Length, values.Sum(), values.Average(), values.Min(), values.Max()));

    public Task<string> Echo(string text) => Task.FromResult(text);
}
