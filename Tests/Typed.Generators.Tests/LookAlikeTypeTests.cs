namespace Typed.Generators.Tests;

/// <summary>
/// Types are recognised as symbols of the compilation, not by their names: the application's own
/// <c>EventsAttribute</c>, <c>Task&lt;T&gt;</c> or <c>CancellationToken</c> in another namespace is
/// not Typed's or the platform's.
/// </summary>
public sealed class LookAlikeTypeTests
{
    private const string LookAlikes = """
        namespace MyApp
        {
            [System.AttributeUsage(System.AttributeTargets.Interface)]
            public sealed class EventsAttribute : System.Attribute { }

            public sealed class Task<T> { }

            public struct CancellationToken { }
        }
        """;

    /// <summary>
    /// Each look-alike contract (ILookAlike) gets no code, beside the same contract with the real type
    /// (IChat), which does. Without a serializer context, the application's own CancellationToken is an
    /// argument that cannot be encoded, where the real one, last, is passed on.
    /// </summary>
    [Theory]
    [InlineData("[MyApp.Events] public interface ILookAlike { void Say(string text); }", "[Events] public interface IChat { void Say(string text); }")]
    [InlineData("[Events] public interface ILookAlike { MyApp.Task<int> Count(); }", "[Events] public interface IChat { System.Threading.Tasks.Task<int> Count(); }")]
    [InlineData(
        "[Events] public interface ILookAlike { void Say(string text, MyApp.CancellationToken token); }",
        "[Events] public interface IChat { void Say(string text, System.Threading.CancellationToken token); }")]
    public void A_look_alike_is_not_the_real_type(string lookAlike, string real)
    {
        var generated = GeneratorHarness.Generate(LookAlikes, "using Typed.Events;\nnamespace Chat;\n" + lookAlike + "\n" + real);

        Assert.Equal(["Chat.IChat.Events.g.cs"], generated.Keys);
    }
}
