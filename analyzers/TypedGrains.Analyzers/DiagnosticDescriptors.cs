using Microsoft.CodeAnalysis;

namespace TypedGrains.Analyzers;

/// <summary>Every diagnostic TypedGrains reports; each links to its section of <c>docs/diagnostics.md</c>.</summary>
public static class DiagnosticDescriptors
{
    private const string HelpBase = "docs/diagnostics.md#";

    /// <summary>TG0001: a grain class declaration lacks <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor GrainNotPartial = Create(
        DiagnosticIds.GrainNotPartial,
        "Grain class must be partial",
        "Grain '{0}' must be declared partial so that the generator can add its dispatcher",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "The generator adds members to every [Grain] class, which needs every declaration of the class to be partial. The grain is not generated until it is.");

    /// <summary>TG0002: a type containing a grain lacks <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        DiagnosticIds.ContainingTypeNotPartial,
        "Type containing a grain must be partial",
        "Type '{0}' contains grain '{1}' and must be declared partial",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "A nested grain's generated code is emitted inside its containing types, which must therefore be partial too.");

    /// <summary>TG0003: a <c>[Grain]</c> class breaks a declaration rule.</summary>
    public static readonly DiagnosticDescriptor InvalidGrainDeclaration = Create(
        DiagnosticIds.InvalidGrainDeclaration,
        "Grain declaration cannot be generated",
        "Grain '{0}' cannot be generated: {1}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "A grain is a non-generic, non-abstract, public or internal class deriving from Grain<TState>, constructible without arguments, carrying [Grain] once with valid arguments, and declaring none of the member names the generator uses.");

    /// <summary>TG0004: a handler attribute outside a grain.</summary>
    public static readonly DiagnosticDescriptor HandlerOutsideGrain = Create(
        DiagnosticIds.HandlerOutsideGrain,
        "[Call]/[Cast] outside a grain",
        "Method '{0}' has [{1}] but '{2}' is not a [Grain] class; it will never be dispatched",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "Only methods declared directly in a [Grain] class become handlers. Handler attributes anywhere else (including a base class without [Grain]) are ignored by the generator.");

    /// <summary>TG0005: a grain without handlers.</summary>
    public static readonly DiagnosticDescriptor GrainWithoutHandlers = Create(
        DiagnosticIds.GrainWithoutHandlers,
        "Grain has no handlers",
        "Grain '{0}' declares no [Call] or [Cast] handler, so its reference has nothing to send",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Warning,
        "A grain is only reachable through its handlers. Mark the methods that should receive messages with [Call] or [Cast].");

    /// <summary>TG0006: a cast returns a value.</summary>
    public static readonly DiagnosticDescriptor CastReturnsValue = Create(
        DiagnosticIds.CastReturnsValue,
        "Cast handler returns a value",
        "Cast handler '{0}' returns '{1}', but a cast is one-way and has no reply; make it a [Call] or return void",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "A [Cast] is fire-and-forget: its caller never sees a result. Return void, Task or ValueTask, or make the handler a [Call] to send the value back.");

    /// <summary>TG0007: a handler parameter that a request message cannot carry.</summary>
    public static readonly DiagnosticDescriptor UnsupportedHandlerParameter = Create(
        DiagnosticIds.UnsupportedHandlerParameter,
        "Handler parameter is not supported",
        "Parameter '{1}' of handler '{0}' is not supported: {2}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "Handler arguments travel in a request message: they are passed by value, are not pointers or ref structs, and do not reuse a name of the message's members.");

    /// <summary>TG0008: a handler with a shape the generator cannot dispatch.</summary>
    public static readonly DiagnosticDescriptor UnsupportedHandler = Create(
        DiagnosticIds.UnsupportedHandler,
        "Handler signature is not supported",
        "Handler '{0}' is not supported: {1}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "A handler is an ordinary, non-generic, non-static, public or internal instance method with one of [Call] and [Cast], returning by value (void, a value, Task, ValueTask or their generic forms).");

    /// <summary>TG0009: two handlers with the same name.</summary>
    public static readonly DiagnosticDescriptor DuplicateHandlerName = Create(
        DiagnosticIds.DuplicateHandlerName,
        "Handlers have the same name",
        "Handler '{0}' has the same name as another handler of grain '{1}'; generated request names would collide",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "Each handler becomes a request message type named after it, so overloads cannot both be handlers. Rename one.");

    /// <summary>TG0010: two handlers with the same method id.</summary>
    public static readonly DiagnosticDescriptor MethodIdCollision = Create(
        DiagnosticIds.MethodIdCollision,
        "Handlers have the same method id",
        "Handler '{0}' has the same method id as handler '{1}' of grain '{2}'; rename one of them",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "Method ids are 32-bit FNV-1a hashes of the handler signatures; in the rare case two collide, the dispatcher cannot tell them apart.");

    /// <summary>TG0011: two grains generate the same reference name.</summary>
    public static readonly DiagnosticDescriptor DuplicateReferenceName = Create(
        DiagnosticIds.DuplicateReferenceName,
        "Grains generate the same reference name",
        "Grains '{0}' and '{1}' both generate the reference '{2}' and the factory method '{3}', which are ambiguous wherever both namespaces are imported",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Warning,
        "A grain named G generates a reference GRef and a factory extension method G. Two grains with the same simple name in different namespaces make those names ambiguous in code that imports both.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>TG0012: a mutable state type.</summary>
    public static readonly DiagnosticDescriptor MutableState = Create(
        DiagnosticIds.MutableState,
        "Grain state type is mutable",
        "State type '{0}' of grain '{1}' is mutable ('{2}' can be changed in place); a rolled-back turn cannot undo such changes",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Warning,
        "A turn is rolled back by restoring the previous state object, so state must be replaced, never mutated. Use a record with init-only members and readonly fields.");

    /// <summary>TG0013: a blocking wait in a handler.</summary>
    public static readonly DiagnosticDescriptor BlockingWait = Create(
        DiagnosticIds.BlockingWait,
        "Handler blocks on a task",
        "Handler '{0}' blocks on '{1}'; await it instead",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        "A handler that blocks holds its activation's turn and a thread-pool thread; when the awaited work needs the same grain, it deadlocks. Make the handler async and await.");

    /// <summary>TG0014: a call cycle between grains.</summary>
    public static readonly DiagnosticDescriptor CallCycle = Create(
        DiagnosticIds.CallCycle,
        "Grains call each other in a cycle",
        "Call cycle between non-reentrant grains: {0}; each grain waits for the other and the calls deadlock",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        "A grain runs one message at a time. If A's handler awaits a call to B whose handler awaits a call back to A, A never gets to run the second message. Break the cycle with a cast or by returning data instead of calling back.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>TG0015: a deferred caller token dropped.</summary>
    public static readonly DiagnosticDescriptor CallerDropped = Create(
        DiagnosticIds.CallerDropped,
        "Deferred caller is never answered",
        "Handler '{0}' neither replies to nor keeps its caller '{1}'; the caller waits forever",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        "A call handler that takes a Caller<T> promises a reply later. Reply to the token, keep it in state to reply in a later turn, or pass it on.");

    /// <summary>TG0016: stored state on a stateless-worker grain.</summary>
    public static readonly DiagnosticDescriptor StatelessWorkerState = Create(
        DiagnosticIds.StatelessWorkerState,
        "Stateless worker keeps no stored state",
        "Grain '{0}' is a stateless worker, which keeps no stored state: {1}; move the state to a grain with another placement",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Error,
        "A [Grain(Placement = Placement.StatelessWorker)] grain runs as several activations per id that never read or write a state provider. The runtime refuses a worker that names a Provider when it starts, and fails every turn that calls SaveState() with InvalidOperationException. Keep identity-bound state in a grain with another placement.");

    /// <summary>TG0017: <c>SaveState()</c> on a grain without state.</summary>
    public static readonly DiagnosticDescriptor SaveWithoutState = Create(
        DiagnosticIds.SaveWithoutState,
        "Grain without state saves state",
        "Grain '{0}' derives from Grain and has no state, so SaveState() has nothing to save; derive it from Grain<TState> to keep a state, or remove the call",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Error,
        "A grain that derives from Grain directly declares no state: nothing is loaded when it activates and nothing can be saved. A SaveState() on it is a mistake: either the grain should keep a state (derive it from Grain<TState>) or the call should go.");

    /// <summary>TG0018: a mutable collection inside a grain state.</summary>
    public static readonly DiagnosticDescriptor MutableCollectionInState = Create(
        DiagnosticIds.MutableCollectionInState,
        "Grain state holds a mutable collection",
        "State type '{0}' of grain '{1}' holds a mutable collection at '{2}' ('{3}'); a rolled-back turn cannot undo changes made to it in place",
        DiagnosticCategories.Design,
        DiagnosticSeverity.Warning,
        "A turn is rolled back by restoring the previous state object, but a collection inside it is shared by the previous and the new state, so an Add, Remove or indexer write survives the rollback. Hold System.Collections.Immutable collections (ImmutableList, ImmutableArray, ImmutableDictionary) and replace them with the result of Add or SetItem. Read-only interfaces such as IReadOnlyList<T> are not reported.");

    /// <summary>TG0019: a tick handler of the wrong shape.</summary>
    public static readonly DiagnosticDescriptor InvalidTickHandler = Create(
        DiagnosticIds.InvalidTickHandler,
        "Invalid tick handler",
        "Tick handler '{0}' {1}",
        DiagnosticCategories.Declaration,
        DiagnosticSeverity.Error,
        "A [Tick] method is called by the grain's timers and reminders, each call a turn: it must be an instance, non-generic method of a [Grain] class, take no parameters, return void, Task or ValueTask, and not also be a [Call] or [Cast] handler. The generator gives no token (Ticks.Name) to an invalid one.");

    /// <summary>TG0020: a period below the floor.</summary>
    public static readonly DiagnosticDescriptor PeriodBelowFloor = Create(
        DiagnosticIds.PeriodBelowFloor,
        "Timer or reminder period below the floor",
        "{0} period '{1}' is below {2}",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        "Reminders are durable: every tick is a stored write and a poll of the reminder table, so, as in Orleans, a reminder period under one minute is a mistake outside tests; use a timer for shorter periods. A timer period must be positive (Timeout.InfiniteTimeSpan for a single tick); a zero or negative one fails the turn at run time.");

    /// <summary>TG0021: a timer or reminder action outside a turn.</summary>
    public static readonly DiagnosticDescriptor TimerActionOutsideTurn = Create(
        DiagnosticIds.TimerActionOutsideTurn,
        "Timer or reminder action outside a turn",
        "'{0}' is called {1}, where no turn commits it",
        DiagnosticCategories.Reliability,
        DiagnosticSeverity.Warning,
        "StartTimer, StopTimer, RegisterReminder and UnregisterReminder request actions of the running turn, applied when it commits. Called from a constructor, the request is cleared when the first turn begins; called from a lambda or local function, it may run after the turn ended and be lost, or land in another turn; called in a class without [Grain], nothing ever runs the turn. Call them directly in a handler, a tick handler or an activation hook.");

    /// <summary>TG0100: a type the generated MessagePack formatters cannot handle (text shared with the generator).</summary>
    public static readonly DiagnosticDescriptor UnsupportedSerializableType = Create(
        DiagnosticIds.UnsupportedSerializableType,
        TypedGrains.Generators.SerializationDiagnostic.Title,
        TypedGrains.Generators.SerializationDiagnostic.MessageFormat,
        TypedGrains.Generators.SerializationDiagnostic.Category,
        DiagnosticSeverity.Error,
        TypedGrains.Generators.SerializationDiagnostic.Description);

    /// <summary>TG0101: a type whose type graph has no end (an expanding generic).</summary>
    public static readonly DiagnosticDescriptor EndlessType = Create(
        DiagnosticIds.EndlessType,
        TypedGrains.Generators.EndlessTypeDiagnostic.Title,
        TypedGrains.Generators.EndlessTypeDiagnostic.MessageFormat,
        TypedGrains.Generators.SerializationDiagnostic.Category,
        DiagnosticSeverity.Error,
        TypedGrains.Generators.EndlessTypeDiagnostic.Description);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpBase + id.ToLowerInvariant(), customTags);
}
