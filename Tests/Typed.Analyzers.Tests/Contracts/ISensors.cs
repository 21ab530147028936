using Typed.Events;

namespace Typed.Analyzers.Tests.Contracts;

/// <summary>A contract compiled into this test assembly, which test sources see as metadata.</summary>
[Events]
public interface ISensors
{
    void Report(double value);

    void Count(int value);
}
