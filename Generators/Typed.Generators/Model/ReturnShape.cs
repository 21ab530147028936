namespace Typed.Generators.Model;

/// <summary>What an event method returns, and so how it is sent.</summary>
internal enum ReturnShape
{
    /// <summary><c>void</c>: fire and forget.</summary>
    Void,

    /// <summary><c>Task</c>: fire and forget; the handler's completion is awaited on the receiving side.</summary>
    Task,

    /// <summary><c>ValueTask</c>: as <see cref="Task"/>.</summary>
    ValueTask,

    /// <summary><c>Task&lt;T&gt;</c>: the sender waits for the answer.</summary>
    TaskOfT,

    /// <summary><c>ValueTask&lt;T&gt;</c>: as <see cref="TaskOfT"/>.</summary>
    ValueTaskOfT,

    /// <summary>Anything else: not an event (the analyzers say so).</summary>
    Unsupported,
}
