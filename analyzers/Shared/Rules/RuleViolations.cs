// Why a grain or handler cannot be generated: the outcomes the rules return and the analyzers report.
namespace TypedGrains.Generators;

/// <summary>Why a grain class cannot be generated.</summary>
internal enum GrainRuleViolation
{
    /// <summary>The grain can be generated.</summary>
    None,

    /// <summary>The TypedGrains abstractions are not referenced (or are ambiguous).</summary>
    MissingAbstractions,

    /// <summary>The class carries <c>[Grain]</c> more than once (on several partial declarations).</summary>
    DuplicateGrainAttribute,

    /// <summary>An argument of <c>[Grain]</c> is erroneous, the key kind is undefined, or the name is empty.</summary>
    InvalidGrainAttribute,

    /// <summary>The target is not a class (for example a record).</summary>
    NotAClass,

    /// <summary>The grain class is generic.</summary>
    GenericGrain,

    /// <summary>A type containing the grain is generic.</summary>
    GenericContainingType,

    /// <summary>The grain class is neither public nor internal, or is file-local.</summary>
    InaccessibleGrain,

    /// <summary>A type containing the grain is neither public nor internal, or is file-local.</summary>
    InaccessibleContainingType,

    /// <summary>The grain class is abstract or static.</summary>
    AbstractGrain,

    /// <summary>A declaration of the grain class lacks <c>partial</c>.</summary>
    NotPartial,

    /// <summary>A declaration of a type containing the grain lacks <c>partial</c>.</summary>
    ContainingTypeNotPartial,

    /// <summary>The class does not derive, directly or indirectly, from <c>Grain</c> (with or without a state).</summary>
    NotDerivedFromGrain,

    /// <summary>
    /// The class has no constructor callable without arguments and no single constructor taking services, or has required
    /// members it does not set.
    /// </summary>
    NoParameterlessConstructor,

    /// <summary>The class declares or inherits a member with a name the generator uses.</summary>
    ReservedMemberName,

    /// <summary>A handler breaks a <see cref="HandlerRuleViolation"/> rule.</summary>
    InvalidHandler,

    /// <summary>Two handlers have the same name.</summary>
    DuplicateHandlerName,

    /// <summary>Two handlers have the same method id.</summary>
    MethodIdCollision,
}

/// <summary>Why a <c>[Call]</c> or <c>[Cast]</c> method cannot be a handler.</summary>
internal enum HandlerRuleViolation
{
    /// <summary>The method is a valid handler.</summary>
    None,

    /// <summary>The method has both <c>[Call]</c> and <c>[Cast]</c>.</summary>
    CallAndCast,

    /// <summary>The method is not an ordinary method (an accessor, operator, or explicit interface implementation).</summary>
    NotOrdinaryMethod,

    /// <summary>The method is static.</summary>
    Static,

    /// <summary>The method is generic.</summary>
    Generic,

    /// <summary>The method is neither public nor internal.</summary>
    Inaccessible,

    /// <summary>A parameter is <c>ref</c>, <c>out</c>, <c>in</c> or <c>ref readonly</c>.</summary>
    ByRefParameter,

    /// <summary>A parameter is a <c>params</c> parameter.</summary>
    ParamsParameter,

    /// <summary>A parameter is a pointer or function pointer.</summary>
    PointerParameter,

    /// <summary>A parameter is of a ref struct type, which a request message cannot store.</summary>
    RefLikeParameter,

    /// <summary>The method returns by reference.</summary>
    ByRefReturn,

    /// <summary>The method returns a pointer or function pointer.</summary>
    PointerReturn,

    /// <summary>The method returns a ref struct, which cannot be a reply.</summary>
    RefLikeReturn,

    /// <summary>The method takes more than one <c>Caller&lt;T&gt;</c>.</summary>
    MultipleCallers,

    /// <summary>A <c>[Cast]</c> takes a <c>Caller&lt;T&gt;</c>.</summary>
    CallerOnCast,

    /// <summary>A <c>[Cast]</c> returns a value.</summary>
    CastReturnsValue,

    /// <summary>A deferred <c>[Call]</c> (one with a <c>Caller&lt;T&gt;</c>) returns a value.</summary>
    DeferredReturnsValue,

    /// <summary>The method name collides with a member of the generated reference.</summary>
    ReservedName,

    /// <summary>A parameter name collides with a member of the generated request message.</summary>
    ReservedParameterName,

    /// <summary>A parameter is a <c>CancellationToken</c>, which cannot travel in a message (the reference method takes one).</summary>
    CancellationTokenParameter,

    /// <summary>The reply type involves <c>dynamic</c>, which a request interface cannot be implemented with.</summary>
    DynamicReply,
}
