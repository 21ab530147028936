using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Typed.Generators.Parsing;

/// <summary>
/// The types the rules recognise, resolved by metadata name in one compilation, each on first use
/// and then kept: comparing symbols is exact (a look-alike in another namespace or assembly is not
/// the real one) and cheaper than formatting every type's name to compare text. Null for a type the
/// compilation cannot see. Shared by the generator's transform and every analyzer of a compilation.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    /// <summary>Stands for "looked up, not there", so that a missing type is looked up once too.</summary>
    private static readonly object Missing = new();

    private readonly Compilation _compilation;
    private object? _events, _eventName, _cancellationToken, _task, _valueTask, _taskOfT, _valueTaskOfT;
    private object? _list, _dictionary, _iDictionary, _iReadOnlyDictionary, _stream, _dateTimeOffset, _guid, _timeSpan;
    private object? _jsonContext, _jsonSerializable, _jsonOptions, _jsonPropertyName, _jsonIgnore, _jsonInclude;
    private object? _listener, _serverClient, _recipients, _socket;

    private KnownTypes(Compilation compilation) => _compilation = compilation;

    /// <summary>The one instance of <paramref name="compilation"/>, so its lookups are made once.</summary>
    public static KnownTypes For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownTypes(c));

    public INamedTypeSymbol? EventsAttribute => Resolve(ref _events, EventRules.EventsAttribute);

    public INamedTypeSymbol? EventNameAttribute => Resolve(ref _eventName, EventRules.EventNameAttribute);

    public INamedTypeSymbol? CancellationToken => Resolve(ref _cancellationToken, "System.Threading.CancellationToken");

    public INamedTypeSymbol? Task => Resolve(ref _task, "System.Threading.Tasks.Task");

    public INamedTypeSymbol? ValueTask => Resolve(ref _valueTask, "System.Threading.Tasks.ValueTask");

    public INamedTypeSymbol? TaskOfT => Resolve(ref _taskOfT, "System.Threading.Tasks.Task`1");

    public INamedTypeSymbol? ValueTaskOfT => Resolve(ref _valueTaskOfT, "System.Threading.Tasks.ValueTask`1");

    // The list and collection interfaces are special types, known to every compilation without a lookup.
    public INamedTypeSymbol? List => Resolve(ref _list, "System.Collections.Generic.List`1");

    public INamedTypeSymbol? Dictionary => Resolve(ref _dictionary, "System.Collections.Generic.Dictionary`2");

    public INamedTypeSymbol? IDictionary => Resolve(ref _iDictionary, "System.Collections.Generic.IDictionary`2");

    public INamedTypeSymbol? IReadOnlyDictionary => Resolve(ref _iReadOnlyDictionary, "System.Collections.Generic.IReadOnlyDictionary`2");

    public INamedTypeSymbol? Stream => Resolve(ref _stream, "System.IO.Stream");

    public INamedTypeSymbol? DateTimeOffset => Resolve(ref _dateTimeOffset, "System.DateTimeOffset");

    public INamedTypeSymbol? Guid => Resolve(ref _guid, "System.Guid");

    public INamedTypeSymbol? TimeSpan => Resolve(ref _timeSpan, "System.TimeSpan");

    public INamedTypeSymbol? JsonSerializerContext => Resolve(ref _jsonContext, "System.Text.Json.Serialization.JsonSerializerContext");

    public INamedTypeSymbol? JsonSerializableAttribute => Resolve(ref _jsonSerializable, "System.Text.Json.Serialization.JsonSerializableAttribute");

    public INamedTypeSymbol? JsonSourceGenerationOptionsAttribute => Resolve(ref _jsonOptions, "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute");

    public INamedTypeSymbol? JsonPropertyNameAttribute => Resolve(ref _jsonPropertyName, "System.Text.Json.Serialization.JsonPropertyNameAttribute");

    public INamedTypeSymbol? JsonIgnoreAttribute => Resolve(ref _jsonIgnore, "System.Text.Json.Serialization.JsonIgnoreAttribute");

    public INamedTypeSymbol? JsonIncludeAttribute => Resolve(ref _jsonInclude, "System.Text.Json.Serialization.JsonIncludeAttribute");

    /// <summary>The runtime's types whose generic methods take a contract (the server's listener, client and recipients, the .NET client's socket).</summary>
    public INamedTypeSymbol? Listener => Resolve(ref _listener, "Typed.Server.Listener");

    public INamedTypeSymbol? ServerClient => Resolve(ref _serverClient, "Typed.Server.Client");

    public INamedTypeSymbol? Recipients => Resolve(ref _recipients, "Typed.Server.Recipients");

    public INamedTypeSymbol? Socket => Resolve(ref _socket, "Typed.Client.Socket");

    /// <summary>True when <paramref name="type"/> is <paramref name="known"/>, a type the compilation has.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    /// <summary>The first of <paramref name="attributes"/> of the <paramref name="known"/> attribute type.</summary>
    public static AttributeData? AttributeOf(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? known) =>
        known is null ? null : attributes.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known));

    /// <summary>Resolves once; racing threads find the same symbol, so either write will do.</summary>
    private INamedTypeSymbol? Resolve(ref object? field, string metadataName)
    {
        var value = Volatile.Read(ref field);
        if (value is null)
        {
            value = (object?)_compilation.GetTypeByMetadataName(metadataName) ?? Missing;
            Volatile.Write(ref field, value);
        }

        return value as INamedTypeSymbol;
    }
}
