using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Typed.Generators.Tests;

/// <summary>The generator does no work again for an edit that does not touch a contract.</summary>
public sealed class IncrementalityTests
{
    private const string Contract = """
        using System.Threading.Tasks;
        using Typed.Events;
        namespace Chat;
        [Events]
        public interface IChatServer
        {
            void Say(string text);
            Task<int> Join(string room);
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_every_output_cached()
    {
        var compilation = GeneratorHarness.Compile(Contract, "namespace App; public class Before { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App; public class Added { public int X => 1; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var contractSteps = result.TrackedSteps[TrackingNames.Contracts].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(contractSteps);
        Assert.All(contractSteps, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_a_contract_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Contract);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();

        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Contract.Replace("void Say(string text);", "void Say(string text, int times);"))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("int times", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }
}
