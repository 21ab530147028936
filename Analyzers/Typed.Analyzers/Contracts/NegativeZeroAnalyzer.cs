using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Typed.Analyzers.Usage;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Contracts;

/// <summary>
/// TYPED016, a warning: Typed.MessagePack transcodes JSON losslessly except for one value. JSON
/// writes a float or double -0 as <c>-0</c>, which reads back as an integer, so MessagePack carries
/// it as the integer 0 and the receiver gets +0. Reported in compilations that reference
/// Typed.MessagePack: on contracts declared there, and where contracts from other assemblies are used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NegativeZeroAnalyzer : DiagnosticAnalyzer
{
    private const string MessagePackAssembly = "Typed.MessagePack";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptors.MessagePackNegativeZero];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == MessagePackAssembly)
                || TypedCompilation.KnownTypesOf(start.Compilation) is not { } known)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeContract(symbolContext, known), SymbolKind.NamedType);
            start.RegisterOperationAction(operationContext => AnalyzeUse(operationContext, known), OperationKind.Invocation);
        });
    }

    private static void AnalyzeContract(SymbolAnalysisContext context, KnownTypes known)
    {
        if (EventContract.For(context.Symbol, known) is not { } contract)
        {
            return;
        }

        foreach (var method in contract.CheckedEvents())
        {
            foreach (var sent in EventType.Of(method, known, context.CancellationToken))
            {
                if (FloatingIn(sent.Type, known) is { } floating)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.MessagePackNegativeZero,
                        contract.Where(method, sent.Location),
                        $"Event '{contract.NameOf(method)}'",
                        floating.ToDisplayString(),
                        sent.Role));
                }
            }
        }
    }

    /// <summary>A contract compiled elsewhere is checked where this compilation uses it, once per use.</summary>
    private static void AnalyzeUse(OperationAnalysisContext context, KnownTypes known)
    {
        if (TypedCall.From(context.Operation, known) is not { Contract: INamedTypeSymbol contract } call
            || contract.Locations.Any(l => l.IsInSource)
            || EventContract.For(contract, known) is not { } events)
        {
            return;
        }

        var first = events.AllEvents()
            .SelectMany(method => EventType.Of(method, known, context.CancellationToken).Select(sent => (method, sent, floating: FloatingIn(sent.Type, known))))
            .FirstOrDefault(found => found.floating is not null);
        if (first.floating is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MessagePackNegativeZero,
                call.TypeArgumentLocation,
                $"Event '{contract.Name}.{first.method.Name}'",
                first.floating.ToDisplayString(),
                first.sent.Role));
        }
    }

    /// <summary>The float or double inside a type: itself, an element, or a member of one of the application's types.</summary>
    private static ITypeSymbol? FloatingIn(ITypeSymbol type, KnownTypes known) => FloatingIn(type, known, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static ITypeSymbol? FloatingIn(ITypeSymbol type, KnownTypes known, HashSet<ITypeSymbol> seen)
    {
        if (type.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
        {
            return type;
        }

        if (!seen.Add(type))
        {
            return null;
        }

        IEnumerable<ITypeSymbol> inner = type switch
        {
            IArrayTypeSymbol array => [array.ElementType],
            INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments,
            _ => [],
        };
        if (DataMembers.IsApplicationType(type))
        {
            inner = inner.Concat(DataMembers.TypesOf(type, known));
        }

        return inner.Select(t => FloatingIn(t, known, seen)).FirstOrDefault(t => t is not null);
    }
}
