using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>The valid grain sources that the snapshot and compile-the-output tests share.</summary>
public static class GrainCases
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using TypedGrains;

        """;

    public static readonly IReadOnlyDictionary<string, string> Sources = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
    {
        ["ServiceConstructor"] = Usings + """
            namespace Cases;

            public interface IGreeter { string Greet(string name); }

            [Grain]
            public sealed partial class Greeting : Grain<GreetingState>
            {
                private readonly IGreeter _greeter;
                private readonly IFormatProvider? _culture;
                private readonly int _retries;

                public Greeting(IGreeter greeter, IFormatProvider? culture, int retries = 3)
                {
                    _greeter = greeter;
                    _culture = culture;
                    _retries = retries;
                }

                [Call] public string Hello(string name) => _greeter.Greet(name);
            }

            public sealed record GreetingState(int Count = 0);
            """,
        ["SerializableState"] = Usings + """
            namespace Cases;

            using System.Collections.Generic;
            using System.Collections.Immutable;

            [Grain]
            public sealed partial class Shop : Grain<ShopState>
            {
                [Call] public Line? Find(string sku, Kind? kind) => null;
            }

            public enum Kind : byte { Plain, Fancy }

            public sealed record Line([property: Key(0)] string Sku, [property: Key(2)] int Quantity = 1);

            public sealed class Stock
            {
                public Dictionary<string, ImmutableArray<Line>> Bins { get; set; } = new();

                public required DateTimeOffset Counted { get; init; }
            }

            public readonly record struct Money(decimal Amount, string Currency = "EUR");

            public sealed record ShopState(List<Line> Lines, Stock? Stock, Money Total, Kind Kind, ImmutableList<Guid> Tags, ShopRef? Partner, TimeSpan Age, byte[]? Logo);
            """,

        ["MinimalGrain"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Minimal : Grain<MinimalState>
            {
            }

            public sealed class MinimalState
            {
            }
            """,

        ["StringKey"] = Usings + """
            namespace Cases;

            [Grain(Key = GrainKeyKind.String)]
            public sealed partial class Named : Grain<int>
            {
                [Call] public int Get() => State;
            }
            """,

        ["GuidKey"] = Usings + """
            namespace Cases;

            [Grain(Key = GrainKeyKind.Guid)]
            public sealed partial class Order : Grain<int>
            {
                [Call] public int Get() => State;
            }
            """,

        ["LongKey"] = Usings + """
            namespace Cases;

            [Grain(Key = GrainKeyKind.Long)]
            public sealed partial class Account : Grain<long>
            {
                [Call] public long Balance() => State;
            }
            """,

        ["SyncCall"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public int Get() => State.Count;
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["TaskCall"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public async Task<int> GetAsync()
                {
                    await Task.Yield();
                    return State.Count;
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["ValueTaskCall"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Directory : Grain<DirectoryState>
            {
                [Call] public ValueTask<string?> FindAsync(string name) =>
                    new(Array.IndexOf(State.Names, name) >= 0 ? name : null);
            }

            public sealed record DirectoryState(string[] Names)
            {
                public DirectoryState()
                    : this(Array.Empty<string>())
                {
                }
            }
            """,

        ["CallWithoutReply"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public void Reset()
                {
                    State = new CounterState();
                    SaveState();
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["AsyncCallWithoutReply"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public async Task ResetAsync()
                {
                    await Task.Yield();
                    State = new CounterState();
                }

                [Call] public ValueTask FlushAsync()
                {
                    SaveState();
                    return default;
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["Cast"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Cast] public void Increment() => State = State with { Count = State.Count + 1 };
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["TickHandlers"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Billing : Grain<BillingState>
            {
                [Call] public void Start(TimeSpan period) => RegisterReminder(Ticks.Charge, period, period);

                [Call] public void Poll() => StartTimer(Ticks.Refresh, TimeSpan.Zero, TimeSpan.FromSeconds(5));

                [Tick] private void Charge() => State = State with { Charges = State.Charges + 1 };

                [Tick] internal Task Refresh() => Task.CompletedTask;

                [Tick] public ValueTask @event() => default;
            }

            public sealed record BillingState(int Charges = 0);
            """,
        ["AsyncCast"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Cast] public async Task IncrementAsync()
                {
                    await Task.Yield();
                    State = State with { Count = State.Count + 1 };
                }

                [Cast] public ValueTask DecrementAsync()
                {
                    State = State with { Count = State.Count - 1 };
                    return default;
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["CastWithArguments"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Cast] public void Add(int amount, string? reason, Guid correlation)
                {
                    State = State with { Count = State.Count + amount };
                    if (reason is null && correlation == Guid.Empty)
                    {
                        CastToSelf.Add(0, "again", Guid.NewGuid());
                    }
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["DeferredReply"] = Usings + """
            using System.Collections.Immutable;

            namespace Cases;

            [Grain]
            public sealed partial class Barrier : Grain<BarrierState>
            {
                [Call] public void Join(string member, Caller<int> caller, TimeSpan timeout)
                {
                    State = State with { Waiting = State.Waiting.Add(caller) };
                    if (State.Waiting.Count == State.Size)
                    {
                        foreach (Caller<int> waiting in State.Waiting)
                        {
                            Reply(waiting, State.Size);
                        }
                    }
                }

                [Call] public Task WaitAsync(Caller<string?> caller)
                {
                    Reply(caller, null);
                    return Task.CompletedTask;
                }
            }

            public sealed record BarrierState(int Size, ImmutableList<Caller<int>> Waiting)
            {
                public BarrierState()
                    : this(2, ImmutableList<Caller<int>>.Empty)
                {
                }
            }
            """,

        ["NestedGrain"] = Usings + """
            namespace Cases.Nested;

            public static partial class Outer
            {
                internal partial class Middle
                {
                    [Grain]
                    public sealed partial class Counter : Grain<CounterState>
                    {
                        [Call] public int Get() => State.Count;

                        [Cast] public void Increment() => State = State with { Count = State.Count + 1 };
                    }
                }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["NestedInRecordAndStruct"] = Usings + """
            namespace Cases.Nested;

            public partial record Holder
            {
                public partial struct Box
                {
                    [Grain]
                    public sealed partial class Item : Grain<string>
                    {
                        [Call] public string Name() => State;
                    }
                }
            }
            """,

        ["GlobalNamespace"] = Usings + """
            [Grain]
            public sealed partial class GlobalCounter : Grain<GlobalCounterState>
            {
                [Call] public int Get() => State.Count;
            }

            public sealed record GlobalCounterState(int Count = 0);
            """,

        ["KeywordNames"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Keywords : Grain<int>
            {
                [Cast] public void Add(int @class, string @event) => State += @class + @event.Length;

                [Call] public int @default(int @in) => @in;

                [Call] public int reset() => State = 0;
            }
            """,

        ["CustomNameAndPlacement"] = Usings + """
            namespace Cases;

            [Grain(Name = "counter-v2", Placement = Placement.Hash, Provider = "postgres \"main\"", Key = GrainKeyKind.Long)]
            public sealed partial class RenamedCounter : Grain<CounterState>
            {
                [Call] public int Get() => State.Count;
            }

            [Grain(Placement = Placement.StatelessWorker)]
            internal sealed partial class Worker : Grain<CounterState>
            {
                [Call] public int Work(int input) => input * 2;
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["DocComments"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Documented : Grain<int>
            {
                /// <summary>
                /// Returns the current value of the <see cref="Documented"/> grain,
                /// scaled by <paramref name="factor"/> (see <see cref="Math.Max(int, int)">the maximum</see>).
                /// Never <see langword="null"/>.
                /// </summary>
                /// <param name="factor">The factor.</param>
                [Call] public int Get(int factor) => State * factor;

                /** <summary>Adds one.</summary> */
                [Cast] public void Increment() => State++;

                /// <remarks>No summary here.</remarks>
                [Call] public int Peek() => State;

                /// <summary>Adds <paramref name="amount"/> because of <paramref name="event"/>.</summary>
                /// <param name="amount">
                /// How much to add;
                /// may be <c>&lt; 0</c>.
                /// </param>
                /// <param name="event">Why, never <see cref="string.Empty"/>.</param>
                /// <returns>Nothing: a cast has no reply.</returns>
                [Cast] public void Add(int amount, string @event) => State += amount;

                /// <summary>Replies through <paramref name="caller"/> once the value reaches <paramref name="target"/>.</summary>
                /// <param name="caller">The caller token, which the reference does not take.</param>
                /// <param name="target">The value to wait for.</param>
                /// <returns>The value reached.</returns>
                [Call] public void Wait(Caller<int> caller, int target) => Reply(caller, target);

                /// <param name="first">The first term.</param>
                /// <param name="second">The second term.</param>
                /// <returns>The sum &amp; nothing &lt;else&gt;.</returns>
                [Call] public Task<int> SumAsync(int first, int second) => Task.FromResult(first + second);
            }
            """,

        ["DefaultValues"] = Usings + """
            namespace Cases;

            [Flags] public enum Mode { None = 0, Fast = 1, Safe = 2, @checked = 4 }

            public enum Level : long { Low = -1, High = 1 }

            [Grain]
            public sealed partial class Defaults : Grain<int>
            {
                [Call] public int Add(int amount = 1) => State += amount;

                [Cast] public void Rename(string name = "say \"hi\"\\\n\t\u00e9", string? label = null, string text = "", bool enabled = true) { }

                [Cast] public void Limits(long low = long.MinValue, uint small = 7, ulong big = ulong.MaxValue, short negative = -3, byte octet = 255) { }

                [Cast] public void Tune(double ratio = 0.1, float scale = 2.5f, decimal price = 19.90m, double tiny = 1e-300, float nan = float.NaN, double negativeZero = -0.0) { }

                [Cast] public void Pick(Mode mode = Mode.Fast, Mode both = Mode.Fast | Mode.Safe, Mode keyword = Mode.@checked, Mode? maybe = null, Mode? some = Mode.Safe, Level level = Level.Low, Level unnamed = (Level)(-5)) { }

                [Cast] public void Structs(Guid id = default, TimeSpan wait = default, int zero = default, int? count = 3, double? none = null) { }

                [Call] public void Join(string member, Caller<int> caller, int weight = 2) => Reply(caller, weight);

                [Call] public void Later(int first = 1, Caller<int> caller = default, int second = 2) => Reply(caller, first + second);

                [Cast] public void Again() => CastToSelf.Tune(price: 1m);
            }
            """,

        ["InitialStateRules"] = Usings + """
            namespace Cases;

            // A record whose constructor parameters are all optional: InitialState is generated.
            [Grain] public sealed partial class WithRecord : Grain<RecordState> { }
            public sealed record RecordState(int Count = 0, string Name = "none");

            // A nullable state type: the override keeps the annotation.
            [Grain] public sealed partial class WithNullable : Grain<RecordState?> { }

            // A struct state: nothing is generated (default is the initial state).
            [Grain] public sealed partial class WithStruct : Grain<StructState> { }
            public struct StructState { public int Count; }

            // A record without a parameterless constructor: nothing is generated.
            [Grain] public sealed partial class WithRequiredArgument : Grain<ArgumentState> { }
            public sealed record ArgumentState(int Count);

            // The grain chooses its own initial state: nothing is generated.
            [Grain] public sealed partial class WithOwnInitialState : Grain<RecordState>
            {
                protected override RecordState InitialState => new(5);
            }

            // An abstract state class: nothing is generated.
            [Grain] public sealed partial class WithAbstract : Grain<AbstractState> { }
            public abstract class AbstractState { }

            // A state with required members not set by its constructor: nothing is generated.
            [Grain] public sealed partial class WithRequiredMember : Grain<RequiredState> { }
            public sealed class RequiredState { public required string Name { get; init; } }
            """,

        ["IndirectBaseAndInternalHandler"] = Usings + """
            namespace Cases;

            public abstract class AuditedGrain<TState> : Grain<TState>
            {
                protected void Audit(string what) => SaveState();
            }

            [Grain]
            public sealed partial class Audited : AuditedGrain<CounterState>
            {
                [Call] internal int Get() => State.Count;

                [Cast] internal void Touch(string who) => Audit(who);

                public int NotAHandler() => 0;
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["GrainReferencesInMessages"] = Usings + """
            using System.Collections.Generic;
            using Cases.Other;

            namespace Cases
            {
                [Grain]
                public sealed partial class Linker : Grain<LinkState>
                {
                    [Call]
                    public void Point(TargetRef target, Cases.Other.RemoteRef remote, TargetRef? maybe, List<RemoteRef> many, TargetRef[] array, Holder.InnerRef inner) =>
                        State = new LinkState(target);

                    [Call] public Task<TargetRef?> Current() => Task.FromResult(State.Target);

                    [Call] public void Await(Caller<RemoteRef> caller) { }
                }

                public sealed record LinkState(TargetRef? Target = null);

                [Grain]
                public sealed partial class Target : Grain<int>
                {
                    [Call] public int Get() => State;
                }

                public partial class Holder
                {
                    [Grain] public sealed partial class Inner : Grain<int> { }
                }
            }

            namespace Cases.Other
            {
                [Grain] public sealed partial class Remote : Grain<int> { }
            }
            """,

        ["DerivedGrain"] = Usings + """
            namespace Cases;

            // A generated grain that another grain derives from: the derived grain's Requests and SelfCasts hide the base's.
            [Grain]
            public partial class BaseCounter : Grain<CounterState>
            {
                [Call] public int Get() => State.Count;

                [Cast] public void Increment() => State = State with { Count = State.Count + 1 };
            }

            [Grain]
            public sealed partial class DerivedCounter : BaseCounter
            {
                [Cast] public void Twice()
                {
                    CastToSelf.Twice();
                }
            }

            // Derived from a base without casts: only Requests is hidden.
            [Grain]
            public partial class Plain : Grain<CounterState>
            {
                [Call] public int Read() => State.Count;
            }

            [Grain]
            public sealed partial class PlainChild : Plain
            {
                [Cast] public void Poke() { }
            }

            public sealed record CounterState(int Count = 0);
            """,

        ["CancellationTokenNames"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Tokens : Grain<int>
            {
                [Call] public string Echo(string cancellationToken, int cancellationToken1 = 1) => cancellationToken;
                [Call] public void Wait(Caller<int> caller, int cancellationToken) => Reply(caller, cancellationToken);
                [Call] public ValueTask Flush(int count = 2) => default;
                [Cast] public void Poke(int cancellationToken) { }
            }
            """,

        ["StatelessGrain"] = Usings + """
            namespace Cases;

            [Grain]
            public sealed partial class Echo : Grain
            {
                [Call] public int Ping(int x) => x;
                [Cast] public void Poke() => CastToSelf.Ping2();
                [Cast] public void Ping2() { }
            }

            [Grain(Placement = Placement.StatelessWorker)]
            public sealed partial class EchoWorker : Grain
            {
                [Call] public string Shout(string text) => text.ToUpperInvariant();
            }
            """,

        ["ContractCounter"] = Usings + """
            namespace Samples;

            [Grain(Provider = "memory")]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public int Get() => State.Count;
                [Call] public async Task<int> GetAsync() { await Task.Yield(); return State.Count; }
                [Call] public void Reset() { State = new CounterState(); SaveState(); }
                [Cast] public void Increment() { State = State with { Count = State.Count + 1 }; SaveState(); }
                [Cast] public void Add(int amount, string @event) { State = State with { Count = State.Count + amount }; CastToSelf.Increment(); }
                [Call] public void Wait(Caller<int> caller) { Reply(caller, State.Count); }
            }

            public sealed record CounterState(int Count = 0);
            """,
    };

    public static TheoryData<string> Names => new(Sources.Keys);
}
