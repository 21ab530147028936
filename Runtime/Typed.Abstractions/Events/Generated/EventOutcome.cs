using System.ComponentModel;
using System.Text.Json;

namespace Typed.Events.Generated;

/// <summary>
/// What a generated dispatcher did with an event: not its event, handled, or handled with a
/// result (the result's JSON) for the answer.
/// </summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct EventOutcome(bool Handled, ReadOnlyMemory<byte> Result)
{
    /// <summary>Not one of the contract's events.</summary>
    public static ValueTask<EventOutcome> NotHandled { get; } = new(new EventOutcome(false, default));

    /// <summary>Handled by a method returning void: an answer, if asked for, carries a null result.</summary>
    public static ValueTask<EventOutcome> Done { get; } = new(new EventOutcome(true, default));

    /// <summary>The event was handled by a method returning <see cref="Task"/>: done when it is.</summary>
    public static async ValueTask<EventOutcome> From(Task task)
    {
        await task.ConfigureAwait(false);
        return new EventOutcome(true, default);
    }

    /// <inheritdoc cref="From(Task)"/>
    public static async ValueTask<EventOutcome> From(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return new EventOutcome(true, default);
    }

    /// <summary>The event was handled by a method with a result, encoded with <paramref name="write"/>.</summary>
    public static async ValueTask<EventOutcome> From<T>(Task<T> task, Action<Utf8JsonWriter, T> write) =>
        Encode(await task.ConfigureAwait(false), write);

    /// <inheritdoc cref="From{T}(Task{T}, Action{Utf8JsonWriter, T})"/>
    public static async ValueTask<EventOutcome> From<T>(ValueTask<T> task, Action<Utf8JsonWriter, T> write) =>
        Encode(await task.ConfigureAwait(false), write);

    private static EventOutcome Encode<T>(T result, Action<Utf8JsonWriter, T> write)
    {
        using var scratch = JsonScratch.Rent();
        write(scratch.Json, result);
        return new EventOutcome(true, scratch.ToArray());
    }
}
