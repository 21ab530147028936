using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Typed.Events.Generated;

/// <summary>
/// What the source generator made for the event contract <typeparamref name="T"/>: its sender and
/// its dispatcher. Generated code registers them from a module initializer; nothing is looked up
/// by reflection.
/// </summary>
/// <remarks>For generated code: applications need not name it, and it may change without notice.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventContract<T>
    where T : class
{
    private static Func<IEventSink, T>? s_sender;
    private static Func<T, IncomingEvent, ValueTask<EventOutcome>>? s_dispatcher;
    private static Func<string, bool>? s_handles;

    /// <summary>Called by generated code.</summary>
    public static void Register(Func<IEventSink, T> sender, Func<T, IncomingEvent, ValueTask<EventOutcome>> dispatcher, Func<string, bool> handles)
    {
        s_sender = sender;
        s_dispatcher = dispatcher;
        s_handles = handles;
    }

    /// <summary>Whether <paramref name="eventName"/> is one of <typeparamref name="T"/>'s events.</summary>
    public static bool Handles(string eventName) => (s_handles ?? Registered().Handles)(eventName);

    /// <summary>A sender of <typeparamref name="T"/>'s events into <paramref name="sink"/>.</summary>
    public static T CreateSender(IEventSink sink) => (s_sender ?? Registered().Sender)(sink);

    /// <summary>Hands an incoming event to <paramref name="target"/> if it is one of <typeparamref name="T"/>'s.</summary>
    public static ValueTask<EventOutcome> Dispatch(T target, IncomingEvent incoming) =>
        (s_dispatcher ?? Registered().Dispatcher)(target, incoming);

    private static (Func<IEventSink, T> Sender, Func<T, IncomingEvent, ValueTask<EventOutcome>> Dispatcher, Func<string, bool> Handles) Registered()
    {
        // The contract's assembly registers itself when its module initializer runs; make sure it has.
        RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
        return s_sender is not null && s_dispatcher is not null && s_handles is not null
            ? (s_sender, s_dispatcher, s_handles)
            : throw new InvalidOperationException(
                $"{typeof(T)} has no generated sender: mark it [Events] and build its assembly with the Typed source generator.");
    }
}
