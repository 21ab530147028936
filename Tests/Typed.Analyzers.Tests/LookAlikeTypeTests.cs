using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

/// <summary>
/// The analyzers recognise Typed's and the platform's types as symbols of the compilation, so an
/// application's type of the same name (or one that merely prints the same) is not mistaken for them,
/// and a compilation that does not reference Typed is not looked at.
/// </summary>
public sealed class LookAlikeTypeTests
{
    [Fact]
    public Task Another_Task_of_T_is_an_unsupported_return() => Verify<ReturnTypeAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        namespace MyApp
        {
            public sealed class Task<T> { }

            [Events]
            public interface IChat
            {
                {|TYPED001:Task<int>|} Count();

                System.Threading.Tasks.Task<int> Members();
            }
        }
        """);

    [Fact]
    public Task An_interface_marked_with_another_EventsAttribute_is_not_checked() => VerifyAll.DiagnosticsAsync(["""
        namespace MyApp
        {
            [System.AttributeUsage(System.AttributeTargets.Interface)]
            public sealed class EventsAttribute : System.Attribute { }

            [Events]
            public interface INotAContract
            {
                int Count();

                int Members { get; }
            }
        }
        """]);

    [Fact]
    public async Task A_compilation_without_Typed_gets_nothing_even_from_an_attribute_that_prints_as_Typeds()
    {
        // Typed.Events.EventsAttribute by its printed name, but a nested class (Typed.Events+EventsAttribute):
        // a comparison of names would take the interface for a contract and report its three mistakes.
        var compilation = CSharpCompilation.Create(
            "NoTyped",
            [CSharpSyntaxTree.ParseText("""
                namespace Typed
                {
                    public static class Events
                    {
                        [System.AttributeUsage(System.AttributeTargets.Interface)]
                        public sealed class EventsAttribute : System.Attribute { }
                    }
                }

                namespace MyApp
                {
                    [Typed.Events.Events]
                    public interface IChat
                    {
                        int Count();

                        int Members { get; }

                        void Put<T>(T value);
                    }
                }
                """, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Platform.Select(path => MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var lookAlike = compilation.GetTypeByMetadataName("Typed.Events+EventsAttribute");
        Assert.Equal("Typed.Events.EventsAttribute", lookAlike?.ToDisplayString());

        var reported = await compilation.WithAnalyzers(VerifyAll.Analyzers).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(reported);
    }
}
