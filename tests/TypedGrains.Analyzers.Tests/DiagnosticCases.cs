namespace TypedGrains.Analyzers.Tests;

/// <summary>Sources that report each diagnostic (the expected location marked <c>[|...|]</c>) and sources that do not.</summary>
internal static class DiagnosticCases
{
    public const string Preamble = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using TypedGrains;

        namespace Cases;

        public sealed record S(int Count = 0);

        """;

    /// <summary>Name, id, marked source (after <see cref="Preamble"/>), and the message arguments expected in the message.</summary>
    public static readonly (string Name, string Id, string Source, string[] Arguments)[] Reported =
    [
        ("NotPartial", "TG0001", "[Grain] public sealed class [|Bad|] : Grain<S> { [Call] public int Get() => 0; }", ["Bad"]),
        ("NotPartialSecondDeclaration", "TG0001", "[Grain] public sealed partial class Bad : Grain<S> { [Call] public int Get() => 0; } public sealed class [|Bad|] { }", ["Bad"]),
        ("ContainingTypeNotPartial", "TG0002", "public static class [|Outer|] { [Grain] public sealed partial class Bad : Grain<S> { [Call] public int Get() => 0; } }", ["Outer", "Bad"]),
        ("GenericGrain", "TG0003", "[Grain] public sealed partial class [|Bad|]<T> : Grain<S> { [Call] public int Get() => 0; }", ["Bad", "generic"]),
        ("NotDerivedFromGrain", "TG0003", "[Grain] public sealed partial class [|Bad|] { [Call] public int Get() => 0; }", ["Bad", "Grain<TState>"]),
        ("AbstractGrain", "TG0003", "[Grain] public abstract partial class [|Bad|] : Grain<S> { [Call] public int Get() => 0; }", ["Bad", "abstract"]),
        ("ReservedGrainMember", "TG0003", "[Grain] public sealed partial class [|Bad|] : Grain<S> { public int Requests => 0; [Call] public int Get() => 0; }", ["Bad", "Requests"]),
        ("CallOutsideGrain", "TG0004", "public sealed class Plain { [Call] public int [|Get|]() => 0; }", ["Get", "Call", "Plain"]),
        ("CastOutsideGrain", "TG0004", "public class Base { [Cast] public void [|Poke|]() { } }", ["Poke", "Cast", "Base"]),
        ("NoHandlers", "TG0005", "[Grain] public sealed partial class [|Empty|] : Grain<S> { public int Helper() => 0; }", ["Empty"]),
        ("CastReturnsValue", "TG0006", "[Grain] public sealed partial class G : Grain<S> { [Cast] public int [|Increment|]() => 1; }", ["Increment", "int"]),
        ("CastReturnsTaskOfT", "TG0006", "[Grain] public sealed partial class G : Grain<S> { [Cast] public Task<int> [|Increment|]() => Task.FromResult(1); }", ["Increment", "Task<int>"]),
        ("RefParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(ref int [|value|]) => value; }", ["Get", "value", "ref"]),
        ("OutParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public void Get(int first, out int [|second|]) => second = first; }", ["Get", "second", "out"]),
        ("InParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(in int [|value|]) => value; }", ["Get", "value", "in"]),
        ("PointerParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public unsafe int Get(int* [|pointer|]) => 0; }", ["Get", "pointer", "pointer"]),
        ("SpanParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(ReadOnlySpan<int> [|values|]) => 0; }", ["Get", "values", "ref struct"]),
        ("CallerOnCast", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Cast] public void Wait(Caller<int> [|caller|]) { } }", ["Wait", "caller", "[Cast]"]),
        ("CancellationTokenParameter", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(System.Threading.CancellationToken [|token|]) => 0; }", ["Get", "token", "CancellationToken"]),
        ("ReservedParameterName", "TG0007", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(int [|MethodId|]) => MethodId; }", ["Get", "MethodId", "MethodName"]),
        ("GenericHandler", "TG0008", "[Grain] public sealed partial class G : Grain<S> { [Call] public T [|Echo|]<T>(T value) => value; }", ["Echo", "generic"]),
        ("ByRefReturn", "TG0008", "[Grain] public sealed partial class G : Grain<S> { private int _value; [Call] public ref int [|Get|]() => ref _value; }", ["Get", "by reference"]),
        ("PointerReturn", "TG0008", "[Grain] public sealed partial class G : Grain<S> { [Call] public unsafe int* [|Get|]() => null; }", ["Get", "pointer"]),
        ("StaticHandler", "TG0008", "[Grain] public sealed partial class G : Grain<S> { [Call] public static int [|Get|]() => 0; }", ["Get", "static"]),
        ("ReservedHandlerName", "TG0008", "[Grain] public sealed partial class G : Grain<S> { [Call] public int [|Id|]() => 0; }", ["Id", "generated reference"]),
        ("DuplicateHandlerName", "TG0009", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; [Call] public int [|Get|](int x) => x; }", ["Get", "G"]),
        ("MethodIdCollision", "TG0010", "[Grain] public sealed partial class G : Grain<S> { [Cast] public void [|Handler317268|]() { } [Cast] public void Handler1120506() { } }", ["Handler317268", "Handler1120506", "G"]),
        ("DuplicateReferenceName", "TG0011", "[Grain] public sealed partial class Counter : Grain<S> { [Call] public int Get() => 0; } public static partial class Nested { [Grain] public sealed partial class [|Counter|] : Grain<S> { [Call] public int Get() => 0; } }", ["Cases.Nested.Counter", "Cases.Counter", "CounterRef", "Counter"]),
        ("MutableClassState", "TG0012", "public sealed class M { public int Count { get; set; } } [Grain] public sealed partial class G : Grain<[|M|]> { [Call] public int Get() => State.Count; }", ["M", "G", "Count"]),
        ("MutableField", "TG0012", "public sealed record M(int Count) { public int Cache; } [Grain] public sealed partial class G : Grain<[|M|]> { [Call] public int Get() => State.Count; }", ["M", "G", "Cache"]),
        ("ListState", "TG0012", "[Grain] public sealed partial class G : Grain<[|List<int>|]> { [Call] public int Get() => State.Count; }", ["List<int>", "G"]),
        ("HashSetState", "TG0012", "[Grain] public sealed partial class G : Grain<[|HashSet<int>|]> { [Call] public int Get() => State.Count; }", ["HashSet<int>", "G", "'HashSet<int>' can be changed"]),
        ("TaskResult", "TG0013", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Wait() => [|Task.FromResult(1).Result|]; }", ["Wait", ".Result"]),
        ("TaskWait", "TG0013", "[Grain] public sealed partial class G : Grain<S> { [Cast] public void Flush() { [|Task.Delay(1).Wait()|]; } }", ["Flush", ".Wait()"]),
        ("GetResult", "TG0013", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => [|Task.FromResult(1).GetAwaiter().GetResult()|]; }", ["Get", "GetAwaiter().GetResult()"]),
        ("BlockInLambda", "TG0013", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() { Func<int> f = () => [|Task.FromResult(1).Result|]; return f(); } }", ["Get", ".Result"]),
        ("CallCycle", "TG0014", """
            public sealed record PState(BRef? Peer = null);
            public sealed record QState(ARef? Peer = null);
            [Grain] public sealed partial class A : Grain<PState> { [Call] public async Task<int> X() => await [|State.Peer!.Value.Y()|]; [Call] public int Z() => 1; }
            [Grain] public sealed partial class B : Grain<QState> { [Call] public async Task<int> Y() => await State.Peer!.Value.Z(); }
            """, ["A.X → B.Y → A.Z"]),
        ("CallCycleThroughThree", "TG0014", """
            public sealed record P(ARef A, BRef B, CRef C);
            [Grain] public sealed partial class A : Grain<P> { [Call] public async Task Go() => await [|State.B.Go()|].ConfigureAwait(false); }
            [Grain] public sealed partial class B : Grain<P> { [Call] public async Task Go() => await State.C.Go(); }
            [Grain] public sealed partial class C : Grain<P> { [Call] public async Task Go() => await State.A.Go(); }
            """, ["A.Go → B.Go → C.Go → A.Go"]),
        ("ListMember", "TG0018", "public sealed record L(List<int> Items); [Grain] public sealed partial class G : Grain<[|L|]> { [Call] public int Get() => State.Items.Count; }", ["L", "G", "L.Items", "List<int>"]),
        ("ArrayInNestedRecord", "TG0018", "public sealed record Inner(int[] Values); public sealed record N(Inner I); [Grain] public sealed partial class G : Grain<[|N|]> { [Call] public int Get() => 0; }", ["N", "G", "N.I.Values", "int[]"]),
        ("DictionaryAsImmutableElement", "TG0018", "public sealed record X(System.Collections.Immutable.ImmutableList<Dictionary<string, int>> Maps); [Grain] public sealed partial class G : Grain<[|X|]> { [Call] public int Get() => 0; }", ["X.Maps[]", "Dictionary<string, int>"]),
        ("ArrayAsImmutableDictionaryValue", "TG0018", "public sealed record X(System.Collections.Immutable.ImmutableDictionary<string, string[]> Tags); [Grain] public sealed partial class G : Grain<[|X|]> { [Call] public int Get() => 0; }", ["X.Tags[]", "string[]"]),
        ("ListInNullableStruct", "TG0018", "public struct P { public P(List<int> points) => Points = points; public List<int> Points { get; } } public sealed record X(P? Pair); [Grain] public sealed partial class G : Grain<[|X|]> { [Call] public int Get() => 0; }", ["X.Pair.Points", "List<int>"]),
        ("InterfaceMember", "TG0018", "public sealed record F(IList<string> Names); [Grain] public sealed partial class G : Grain<[|F|]> { [Call] public int Get() => 0; }", ["F.Names", "IList<string>"]),
        ("HashSetField", "TG0018", "public sealed class H { public readonly HashSet<int> Seen = new(); } [Grain] public sealed partial class G : Grain<[|H|]> { [Call] public int Get() => 0; }", ["H.Seen", "HashSet<int>"]),
        ("CollectionInCycle", "TG0018", "public sealed record A(B? B); public sealed record B(A? A, List<int> L); [Grain] public sealed partial class G : Grain<[|A|]> { [Call] public int Get() => 0; }", ["A.B.L", "List<int>"]),
        ("CollectionInExpandingGeneric", "TG0018", "public sealed record E<T>(T Value) { [System.Runtime.Serialization.IgnoreDataMember] public E<List<T>>? Next { get; init; } } [Grain] public sealed partial class G : Grain<[|E<int>|]> { [Call] public int Get() => 0; }", ["E<int>.Next.Value", "List<int>"]),
        ("UnsupportedStateMember", "TG0100", "public sealed record U(System.IO.Stream Body); [Grain] public sealed partial class [|G|] : Grain<U> { [Call] public int Get() => 0; }", ["U", "Body"]),
        ("UnsupportedArgument", "TG0100", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get(System.IO.Stream [|body|]) => 0; }", ["G.Get(body)"]),
        ("UnsupportedArgumentWithoutState", "TG0100", "[Grain] public sealed partial class G : Grain { [Call] public int Get(System.IO.Stream [|body|]) => 0; }", ["G.Get(body)"]),
        ("ExpandingGenericState", "TG0101", "public sealed class N<T> { public N<N<T>>? Deeper { get; set; } } public sealed record U(N<int> Root); [Grain] public sealed partial class [|G|] : Grain<U> { [Call] public int Get() => 0; }", ["U.Root.Deeper", "N<T>", "ever larger"]),
        ("ExpandingGenericArgument", "TG0101", "public sealed class A<T> { public List<A<T[]>>? Items { get; set; } } [Grain] public sealed partial class G : Grain<S> { [Cast] public void Put(A<int> [|value|]) { } }", ["G.Put(value).Items[]", "A<T>"]),
        ("CallerDroppedDespiteThrowHelper", "TG0015", "[Grain] public sealed partial class G : Grain<S> { [Call] public void Wait(Caller<int> [|caller|]) { Func<Exception> make = () => new Exception(); } }", ["Wait", "caller"]),
        ("CallerDropped", "TG0015", "[Grain] public sealed partial class G : Grain<S> { [Call] public void Wait(Caller<int> [|caller|]) { SaveState(); } }", ["Wait", "caller"]),
        ("ProviderOnStatelessWorker", "TG0016", "[Grain(Placement = Placement.StatelessWorker, [|Provider = \"workers\"|])] public sealed partial class Worker : Grain<S> { [Call] public int Get() => 0; }", ["Worker", "workers", "another placement"]),
        ("SaveStateInStatelessWorker", "TG0016", "[Grain(Placement = Placement.StatelessWorker)] public sealed partial class Worker : Grain<S> { [Cast] public void Bump() { State = State with { Count = State.Count + 1 }; [|SaveState()|]; } }", ["Worker", "SaveState()", "another placement"]),
        ("SaveStateWithoutState", "TG0017", "[Grain] public sealed partial class Echo : Grain { [Call] public int Ping(int x) { [|SaveState()|]; return x; } }", ["Echo", "Grain<TState>"]),
        ("SaveStateInStatelessWorkerWithoutState", "TG0017", "[Grain(Placement = Placement.StatelessWorker)] public sealed partial class Echo : Grain { [Cast] public void Poke() => [|this.SaveState()|]; }", ["Echo", "nothing to save"]),
        ("SaveStateInStatelessWorkerLambda", "TG0016", "[Grain(Placement = Placement.StatelessWorker)] public sealed partial class Worker : Grain<S> { [Call] public int Bump() { Action save = () => [|this.SaveState()|]; save(); return 0; } }", ["Worker", "SaveState()"]),
        ("TickWithParameter", "TG0019", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; [Tick] private void [|Beat|](int times) { } }", ["Beat", "takes parameters"]),
        ("TickReturnsValue", "TG0019", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; [Tick] private int [|Beat|]() => 1; }", ["Beat", "returns 'int'"]),
        ("TickAlsoCast", "TG0019", "[Grain] public sealed partial class G : Grain<S> { [Tick, Cast] public void [|Beat|]() { } }", ["Beat", "[Call] or [Cast]"]),
        ("StaticTick", "TG0019", "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; [Tick] private static void [|Beat|]() { } }", ["Beat", "instance method"]),
        ("TickOutsideGrain", "TG0019", "public sealed class Plain { [Tick] public void [|Beat|]() { } }", ["Beat", "outside a [Grain] class"]),
        ("ReminderBelowOneMinute", "TG0020", "[Grain] public sealed partial class G : Grain<S> { [Call] public void Go() => RegisterReminder(Ticks.Charge, TimeSpan.Zero, [|TimeSpan.FromSeconds(10)|]); [Tick] private void Charge() { } }", ["Reminder", "TimeSpan.FromSeconds(10)", "one minute"]),
        ("TimerPeriodZero", "TG0020", "[Grain] public sealed partial class G : Grain<S> { [Call] public void Go() => StartTimer(Ticks.Beat, TimeSpan.Zero, [|TimeSpan.Zero|]); [Tick] private void Beat() { } }", ["Timer", "TimeSpan.Zero", "one millisecond"]),
        ("TimerInConstructor", "TG0021", "[Grain] public sealed partial class G : Grain<S> { public G() { [|StartTimer(Ticks.Beat, TimeSpan.Zero, TimeSpan.FromSeconds(1))|]; } [Call] public int Get() => 0; [Tick] private void Beat() { } }", ["StartTimer", "in a constructor"]),
        ("ReminderInLambda", "TG0021", "[Grain] public sealed partial class G : Grain<S> { [Call] public async Task Go() => await Task.Run(() => [|RegisterReminder(Ticks.Charge, TimeSpan.Zero, TimeSpan.FromMinutes(5))|]); [Tick] private void Charge() { } }", ["RegisterReminder", "in a lambda"]),
        ("TimerInClassWithoutGrain", "TG0021", "public sealed class NotAGrain : Grain<S> { public void Go(TickHandler h) => [|StopTimer(h)|]; }", ["StopTimer", "without [Grain]"]),
    ];

    /// <summary>Name, id that must not be reported, and source (after <see cref="Preamble"/>).</summary>
    public static readonly (string Name, string Id, string Source)[] NotReported =
    [
        ("Partial", "TG0001", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; }"),
        ("ContainingTypePartial", "TG0002", "public static partial class Outer { [Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; } }"),
        ("ValidGrain", "TG0003", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; }"),
        ("ValidGrainWithoutState", "TG0003", "[Grain] public sealed partial class Good : Grain { [Call] public int Ping(int x) => x; }"),
        ("HandlersInGrain", "TG0004", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; [Cast] public void Poke() { } }"),
        ("GrainWithHandler", "TG0005", "[Grain] public sealed partial class Good : Grain<S> { [Cast] public void Poke() { } }"),
        ("CastReturnsTask", "TG0006", "[Grain] public sealed partial class Good : Grain<S> { [Cast] public Task Poke() => Task.CompletedTask; [Call] public int Get() => 0; }"),
        ("ParameterNamedLikeAMemberOfOtherTypes", "TG0007", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get(int id, int state) => id; }"),
        ("ValueParameters", "TG0007", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Add(int amount, string label, int[] values) => amount; }"),
        ("PlainHandler", "TG0008", "[Grain] public sealed partial class Good : Grain<S> { [Call] public ValueTask<int> Get() => new(0); }"),
        ("DistinctNames", "TG0009", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; [Call] public int GetOther(int x) => x; }"),
        ("DistinctIds", "TG0010", "[Grain] public sealed partial class Good : Grain<S> { [Cast] public void Handler1() { } [Cast] public void Handler2() { } }"),
        ("DistinctReferenceNames", "TG0011", "[Grain] public sealed partial class Counter : Grain<S> { [Call] public int Get() => 0; } [Grain] public sealed partial class Timer : Grain<S> { [Call] public int Get() => 0; }"),
        ("RecordState", "TG0012", "public sealed record M(int Count, string Name); [Grain] public sealed partial class Good : Grain<M> { [Call] public int Get() => State.Count; }"),
        ("StructState", "TG0012", "public struct V { public int Count; } [Grain] public sealed partial class Good : Grain<V> { [Call] public int Get() => State.Count; }"),
        ("AwaitedTask", "TG0013", "[Grain] public sealed partial class Good : Grain<S> { [Call] public async Task<int> Get() => await Task.FromResult(1); }"),
        ("ResultOutsideHandler", "TG0013", "public static class Helper { public static int Get() => Task.FromResult(1).Result; } [Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; }"),
        ("OneWayCall", "TG0014", """
            public sealed record PState(BRef? Peer = null);
            public sealed record QState(ARef? Peer = null);
            [Grain] public sealed partial class A : Grain<PState> { [Call] public async Task<int> X() => await State.Peer!.Value.Y(); [Call] public int Z() => 1; }
            [Grain] public sealed partial class B : Grain<QState> { [Call] public int Y() => 2; [Cast] public void Poke() { } }
            """),
        ("CycleThroughCast", "TG0014", """
            public sealed record PState(BRef? Peer = null);
            public sealed record QState(ARef? Peer = null);
            [Grain] public sealed partial class A : Grain<PState> { [Call] public async Task<int> X() => await State.Peer!.Value.Y(); [Cast] public void Z() { } }
            [Grain] public sealed partial class B : Grain<QState> { [Call] public int Y() { State.Peer!.Value.Z(); return 2; } }
            """),
        ("ImmutableCollections", "TG0018", "public sealed record Inner(System.Collections.Immutable.ImmutableArray<int> Values); public sealed record X(System.Collections.Immutable.ImmutableList<Inner> Items, System.Collections.Immutable.ImmutableDictionary<string, Inner> Map, Inner? One, int Count, string Name); [Grain] public sealed partial class Good : Grain<X> { [Call] public int Get() => 0; }"),
        ("ReadOnlyInterfaces", "TG0018", "public sealed record X(IReadOnlyList<int> Items, IReadOnlyDictionary<string, int> Map, IEnumerable<int> All); [Grain] public sealed partial class Good : Grain<X> { [Call] public int Get() => 0; }"),
        ("ComputedCollection", "TG0018", "public sealed record X(int Count) { public List<int> Range => new(); } [Grain] public sealed partial class Good : Grain<X> { [Call] public int Get() => 0; }"),
        ("CycleWithoutCollection", "TG0018", "public sealed record A(B? B, int N); public sealed record B(A? A, string S); [Grain] public sealed partial class Good : Grain<A> { [Call] public int Get() => 0; }"),
        ("ExpandingGenericWithoutCollection", "TG0018", "public sealed record E<T>(T Value) { [System.Runtime.Serialization.IgnoreDataMember] public E<E<T>>? Next { get; init; } } [Grain] public sealed partial class Good : Grain<E<int>> { [Call] public int Get() => 0; }"),
        ("CollectionStateIsTG0012", "TG0018", "[Grain] public sealed partial class Good : Grain<List<int[]>> { [Call] public int Get() => 0; }"),
        ("SelfNestingGenericOfOneConstruction", "TG0101", "public sealed class N<T> { public N<T>? Deeper { get; set; } public T? Value { get; set; } } public sealed record U(N<int> Root, N<N<string>> Wrapped); [Grain] public sealed partial class Good : Grain<U> { [Call] public int Get() => 0; }"),
        ("SupportedTypes", "TG0100", "public sealed record U(int Count, string Name, List<int> Items, Guid Id); [Grain] public sealed partial class Good : Grain<U> { [Call] public int Get(DateTime at, int[] values) => 0; }"),
        ("CallerReplied", "TG0015", "[Grain] public sealed partial class Good : Grain<S> { [Call] public void Wait(Caller<int> caller) => Reply(caller, 1); }"),
        ("CallerAnsweredByThrow", "TG0015", "[Grain] public sealed partial class Good : Grain<S> { [Call] public void Wait(Caller<int> caller) => throw new InvalidOperationException(); }"),
        ("CallerStored", "TG0015", "public sealed record W(Caller<int>? Waiting = null); [Grain] public sealed partial class Good : Grain<W> { [Call] public void Wait(Caller<int> caller) => State = new W(caller); }"),
        ("SaveStateInPreferLocalGrainWithProvider", "TG0016", "[Grain(Placement = Placement.PreferLocal, Provider = \"store\")] public sealed partial class Good : Grain<S> { [Cast] public void Bump() { State = State with { Count = State.Count + 1 }; SaveState(); } }"),
        ("GrainWithoutStateDoesNotSave", "TG0017", "[Grain] public sealed partial class Echo : Grain { [Call] public int Ping(int x) { DeactivateAfterTurn(); return x; } }"),
        ("GrainWithStateSaves", "TG0017", "[Grain] public sealed partial class Good : Grain<S> { [Cast] public void Bump() { State = State with { Count = State.Count + 1 }; SaveState(); } }"),
        ("StatelessWorkerWithoutStorage", "TG0016", "[Grain(Placement = Placement.StatelessWorker)] public sealed partial class Good : Grain<S> { [Call] public int Bump() { State = State with { Count = State.Count + 1 }; return State.Count; } }"),
        ("StatelessWorkerWithNullProvider", "TG0016", "[Grain(Placement = Placement.StatelessWorker, Provider = null)] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; }"),
        ("ValidTicks", "TG0019", "[Grain] public sealed partial class Good : Grain<S> { [Call] public int Get() => 0; [Tick] private void A() { } [Tick] private Task B() => Task.CompletedTask; [Tick] internal ValueTask C() => default; }"),
        ("ReminderOfFiveMinutes", "TG0020", "[Grain] public sealed partial class Good : Grain<S> { [Call] public void Go(TimeSpan p) { RegisterReminder(Ticks.Charge, TimeSpan.Zero, TimeSpan.FromMinutes(5)); RegisterReminder(Ticks.Charge, TimeSpan.Zero, p); StartTimer(Ticks.Charge, TimeSpan.Zero, TimeSpan.FromSeconds(1)); StartTimer(Ticks.Charge, TimeSpan.Zero, System.Threading.Timeout.InfiniteTimeSpan); } [Tick] private void Charge() { } }"),
        ("TimerInHandlerAndHook", "TG0021", "[Grain] public sealed partial class Good : Grain<S> { [Call] public void Go() => StartTimer(Ticks.Beat, TimeSpan.Zero, TimeSpan.FromSeconds(1)); protected override ValueTask OnActivateAsync(System.Threading.CancellationToken t) { StopTimer(Ticks.Beat); return default; } [Tick] private void Beat() => UnregisterReminder(Ticks.Beat); }"),
    ];
}
