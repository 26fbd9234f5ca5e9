namespace TypedGrains.Analyzers;

/// <summary>The ids of the TypedGrains diagnostics, shared by the analyzers and the code fixes.</summary>
public static class DiagnosticIds
{
    /// <summary>A grain class declaration lacks <c>partial</c>.</summary>
    public const string GrainNotPartial = "TG0001";

    /// <summary>A type containing a grain lacks <c>partial</c>.</summary>
    public const string ContainingTypeNotPartial = "TG0002";

    /// <summary>A <c>[Grain]</c> class breaks a declaration rule (generic, abstract, inaccessible, ...).</summary>
    public const string InvalidGrainDeclaration = "TG0003";

    /// <summary>A <c>[Call]</c> or <c>[Cast]</c> method is declared outside a <c>[Grain]</c> class.</summary>
    public const string HandlerOutsideGrain = "TG0004";

    /// <summary>A grain declares no handler.</summary>
    public const string GrainWithoutHandlers = "TG0005";

    /// <summary>A <c>[Cast]</c> handler returns a value.</summary>
    public const string CastReturnsValue = "TG0006";

    /// <summary>A handler parameter cannot be carried by a request message.</summary>
    public const string UnsupportedHandlerParameter = "TG0007";

    /// <summary>A handler method has a shape the generator cannot dispatch.</summary>
    public const string UnsupportedHandler = "TG0008";

    /// <summary>Two handlers of a grain have the same name.</summary>
    public const string DuplicateHandlerName = "TG0009";

    /// <summary>Two handlers of a grain have the same method id.</summary>
    public const string MethodIdCollision = "TG0010";

    /// <summary>Two grains generate a reference with the same name.</summary>
    public const string DuplicateReferenceName = "TG0011";

    /// <summary>A grain state type is mutable.</summary>
    public const string MutableState = "TG0012";

    /// <summary>A handler blocks on a task.</summary>
    public const string BlockingWait = "TG0013";

    /// <summary>Handlers of grains call each other in a cycle.</summary>
    public const string CallCycle = "TG0014";

    /// <summary>A deferred call handler neither replies to nor keeps its caller token.</summary>
    public const string CallerDropped = "TG0015";

    /// <summary>A stateless-worker grain names a state provider or calls <c>SaveState()</c>.</summary>
    public const string StatelessWorkerState = "TG0016";

    /// <summary>A grain without state (deriving from <c>Grain</c> directly) calls <c>SaveState()</c>.</summary>
    public const string SaveWithoutState = "TG0017";

    /// <summary>A grain state holds a mutable collection somewhere inside it.</summary>
    public const string MutableCollectionInState = "TG0018";

    /// <summary>A <c>[Tick]</c> handler of the wrong shape, or outside a grain.</summary>
    public const string InvalidTickHandler = "TG0019";

    /// <summary>A constant timer or reminder period below the floor (a reminder under one minute).</summary>
    public const string PeriodBelowFloor = "TG0020";

    /// <summary>A timer or reminder action requested outside a handler's turn.</summary>
    public const string TimerActionOutsideTurn = "TG0021";

    /// <summary>A grain state, handler argument or reply reaches a type the generated serializers do not support.</summary>
    public const string UnsupportedSerializableType = TypedGrains.Generators.SerializationDiagnostic.Id;

    /// <summary>A grain state, handler argument or reply reaches a generic type that nests in itself without end.</summary>
    public const string EndlessType = TypedGrains.Generators.EndlessTypeDiagnostic.Id;
}
