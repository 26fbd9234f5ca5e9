using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>The reasons, as message text, for the rule violations of <see cref="GrainRules"/>.</summary>
internal static class RuleReasons
{
    /// <summary>Why a grain declaration that broke <paramref name="violation"/> cannot be generated.</summary>
    public static string Describe(GrainRuleViolation violation) => violation switch
    {
        GrainRuleViolation.DuplicateGrainAttribute => "[Grain] appears on more than one of its declarations",
        GrainRuleViolation.InvalidGrainAttribute => "an argument of [Grain] is invalid (an undefined key kind, an empty name, or an erroneous value)",
        GrainRuleViolation.NotAClass => "a grain must be a class, not a record or struct",
        GrainRuleViolation.GenericGrain => "a grain class cannot be generic",
        GrainRuleViolation.GenericContainingType => "a grain cannot be nested in a generic type",
        GrainRuleViolation.InaccessibleGrain => "a grain class must be public or internal (and not file-local)",
        GrainRuleViolation.InaccessibleContainingType => "a type containing a grain must be public or internal (and not file-local)",
        GrainRuleViolation.AbstractGrain => "a grain class cannot be abstract or static",
        GrainRuleViolation.NotDerivedFromGrain => "a grain class must derive from Grain<TState>, or from Grain for a grain without state",
        GrainRuleViolation.NoParameterlessConstructor => "a grain needs a constructor callable without arguments, or a single constructor whose parameters are services, that sets all required members",
        GrainRuleViolation.ReservedMemberName => "it declares or inherits a member named CastToSelf, GeneratedDefinition, Requests or SelfCasts, which the generator adds",
        _ => "it breaks the rule " + violation,
    };

    /// <summary>Why a handler or one of its parameters breaks <paramref name="violation"/>.</summary>
    public static string Describe(HandlerRuleViolation violation) => violation switch
    {
        HandlerRuleViolation.CallAndCast => "it has both [Call] and [Cast]; keep one",
        HandlerRuleViolation.NotOrdinaryMethod => "only ordinary methods can be handlers, not accessors, operators or explicit interface implementations",
        HandlerRuleViolation.Static => "a handler cannot be static",
        HandlerRuleViolation.Generic => "a handler cannot be a generic method",
        HandlerRuleViolation.Inaccessible => "a handler must be public or internal",
        HandlerRuleViolation.ByRefReturn => "a handler cannot return by reference",
        HandlerRuleViolation.PointerReturn => "a handler cannot return a pointer",
        HandlerRuleViolation.RefLikeReturn => "a handler cannot return a ref struct",
        HandlerRuleViolation.DeferredReturnsValue => "a handler that takes a Caller<T> replies through it and must return void, Task or ValueTask",
        HandlerRuleViolation.ReservedName => "its name is a member of the generated reference (Equals, GetHashCode, GetType, Id, Runtime, ToString, ...) or the reference's own name",
        HandlerRuleViolation.DynamicReply => "the reply type cannot involve dynamic",
        HandlerRuleViolation.ByRefParameter => "ref, out, in and ref readonly parameters cannot travel in a message; pass it by value",
        HandlerRuleViolation.ParamsParameter => "params parameters are not supported; take an array or list",
        HandlerRuleViolation.PointerParameter => "pointers cannot travel in a message",
        HandlerRuleViolation.RefLikeParameter => "a ref struct (such as Span<T>) cannot be stored in a message; take an array or ReadOnlyMemory<T>",
        HandlerRuleViolation.ReservedParameterName => "its name is taken by a member of the generated request message (InvokeAsync, MethodId, MethodName) or by the handler itself",
        HandlerRuleViolation.CancellationTokenParameter => "a CancellationToken cannot travel in a message; the generated reference method takes one for its caller, and a turn is not cancelled",
        HandlerRuleViolation.MultipleCallers => "a handler takes at most one Caller<T>",
        HandlerRuleViolation.CallerOnCast => "a [Cast] has no reply, so it cannot take a Caller<T>; make it a [Call]",
        _ => "it breaks the rule " + violation,
    };

    /// <summary>Whether <paramref name="violation"/> is about one parameter (reported on that parameter).</summary>
    public static bool IsParameterRule(HandlerRuleViolation violation) => violation is
        HandlerRuleViolation.ByRefParameter or HandlerRuleViolation.ParamsParameter or HandlerRuleViolation.PointerParameter
        or HandlerRuleViolation.RefLikeParameter or HandlerRuleViolation.ReservedParameterName or HandlerRuleViolation.CancellationTokenParameter
        or HandlerRuleViolation.MultipleCallers or HandlerRuleViolation.CallerOnCast;
}
