using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Typed.Generators.Emitting;
using Typed.Generators.Parsing;

namespace Typed.Generators;

/// <summary>
/// For every interface marked <c>[Events]</c>, generates a sender (each call becomes one event
/// message) and a dispatcher (an incoming event becomes one call), registered with the runtime.
/// The pipeline keeps only value-equatable models past its first step, so an edit elsewhere in
/// the project regenerates nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EventsGenerator : IIncrementalGenerator
{
    public const string EventsAttribute = EventRules.EventsAttribute;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var contracts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventsAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                ContractParser.Parse)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Contracts);

        // Module initializers need their attribute (.NET 5+); without it, applications call Register().
        var canRegisterItself = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null)
            .WithTrackingName(TrackingNames.ModuleInitializer);

        context.RegisterSourceOutput(contracts.Combine(canRegisterItself), static (output, pair) =>
            output.AddSource(pair.Left!.HintName, ContractEmitter.Emit(pair.Left, pair.Right)));
    }
}

/// <summary>Names of the pipeline's steps, for tests of its incrementality.</summary>
public static class TrackingNames
{
    public const string Contracts = nameof(Contracts);
    public const string ModuleInitializer = nameof(ModuleInitializer);
}
