using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Typed.Generators.Parsing;

namespace Typed.Analyzers.Usage;

/// <summary>
/// A call of the runtime that takes a contract as its type argument: <c>Handle</c>, <c>Events</c>
/// and <c>Broadcast</c> on the server's listener, client and recipients and on the .NET client's socket.
/// </summary>
internal readonly struct TypedCall
{
    private TypedCall(IInvocationOperation invocation, ITypeSymbol contract, bool broadcasts)
    {
        Invocation = invocation;
        Contract = contract;
        Broadcasts = broadcasts;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The contract type argument (the first one).</summary>
    public ITypeSymbol Contract { get; }

    /// <summary>
    /// True for the senders to many clients: <c>listener.Events&lt;T&gt;</c>, <c>client.Broadcast&lt;T&gt;</c>
    /// and every <c>Recipients.Events&lt;T&gt;</c> (<c>listener.User(id)</c>, <c>listener.To(rooms)</c>, <c>client.To(rooms)</c>).
    /// </summary>
    public bool Broadcasts { get; }

    public string MethodName => Invocation.TargetMethod.Name;

    public static TypedCall? From(IOperation? operation, KnownTypes known)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        if (operation is not IInvocationOperation { TargetMethod: { IsGenericMethod: true, Name: "Handle" or "Events" or "Broadcast" } method } invocation)
        {
            return null;
        }

        var owner = method.ContainingType;
        var fromListener = KnownTypes.Is(owner, known.Listener);
        var fromClient = KnownTypes.Is(owner, known.ServerClient);
        var fromRecipients = KnownTypes.Is(owner, known.Recipients);
        if (!fromListener && !fromClient && !fromRecipients && !KnownTypes.Is(owner, known.Socket))
        {
            return null;
        }

        var broadcasts = ((fromListener || fromRecipients) && method.Name == "Events") || (fromClient && method.Name == "Broadcast");
        return new TypedCall(invocation, method.TypeArguments[0], broadcasts);
    }

    /// <summary>The written type argument (<c>IChat</c> in <c>Events&lt;IChat&gt;()</c>), else the method's name.</summary>
    public Location TypeArgumentLocation
    {
        get
        {
            var name = Invocation.Syntax is InvocationExpressionSyntax { Expression: var expression }
                ? expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                }
                : null;
            return name switch
            {
                GenericNameSyntax generic => generic.TypeArgumentList.Arguments.First().GetLocation(),
                { } other => other.GetLocation(),
                _ => Invocation.Syntax.GetLocation(),
            };
        }
    }
}
