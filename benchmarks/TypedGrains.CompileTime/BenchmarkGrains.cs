using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TypedGrains.CompileTime;

/// <summary>
/// The sources of the benchmark's grain project: <c>count</c> grains, one file each, in namespaces of 50. The grains
/// come in four shapes (by index): a counter that forwards a cast to another grain through the factory; a grain whose
/// state record keeps a reference to another grain and a nested record, and casts through it; a ledger with an
/// immutable list of records and an async call to another grain; a gate with a deferred reply and optional
/// parameters. Every shape has calls and casts.
/// </summary>
internal static class BenchmarkGrains
{
    /// <summary>Grains per namespace.</summary>
    private const int GroupSize = 50;

    /// <summary>The file name of grain <paramref name="index"/>.</summary>
    public static string FileName(int index) => $"Grain{index:D4}.cs";

    /// <summary>
    /// The source of grain <paramref name="index"/> of <paramref name="count"/>. <paramref name="edit"/> changes the body
    /// of its first handler only; <paramref name="extraCast"/> adds a cast handler (a change of the grain's contract).
    /// </summary>
    public static string Source(int index, int count, int edit = 0, bool extraCast = false)
    {
        int peer = (index * 7 + 13) % count;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Immutable;
            using System.Threading.Tasks;
            using TypedGrains;
            using {{Namespace(peer)}};

            namespace {{Namespace(index)}};

            """);
        string name = Name(index);
        string other = Name(peer);
        switch (index % 4)
        {
            case 0:
                text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>The saved count of <see cref="{{name}}"/>.</summary>
                    public sealed record {{name}}State(int Count = 0, long Total = 0);

                    /// <summary>Counter grain {{index}}.</summary>
                    [Grain]
                    public sealed partial class {{name}} : Grain<{{name}}State>
                    {
                        /// <summary>Adds <paramref name="amount"/> and returns the new count.</summary>
                        [Call]
                        public int Add(int amount)
                        {
                            State = State with { Count = State.Count + amount + {{edit}}, Total = State.Total + amount };
                            SaveState();
                            return State.Count;
                        }

                        /// <summary>The current count.</summary>
                        [Call]
                        public int Get() => State.Count;

                        /// <summary>Adds one; nobody waits.</summary>
                        [Cast]
                        public void Increment()
                        {
                            State = State with { Count = State.Count + 1 };
                            SaveState();
                        }

                        /// <summary>Tells grain <c>key</c> of the other kind to count too.</summary>
                        [Cast]
                        public void Forward(string key) => Grains.{{other}}(key).{{CastOf(peer)}};
                    }

                    """);
                break;
            case 1:
                text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>Where <see cref="{{name}}"/> was linked, and when.</summary>
                    public sealed record {{name}}Link(Guid Id, DateTimeOffset At, bool Confirmed);

                    /// <summary>The saved state of <see cref="{{name}}"/>: a reference to another grain.</summary>
                    public sealed record {{name}}State({{other}}Ref? Peer = null, {{name}}Link? Link = null, string Label = "");

                    /// <summary>Linked grain {{index}}.</summary>
                    [Grain]
                    public sealed partial class {{name}} : Grain<{{name}}State>
                    {
                        /// <summary>Remembers <paramref name="peer"/>.</summary>
                        [Call]
                        public void Link({{other}}Ref peer, Guid id)
                        {
                            State = State with { Peer = peer, Link = new {{name}}Link(id, DateTimeOffset.UnixEpoch.AddSeconds({{edit}}), false) };
                            SaveState();
                        }

                        /// <summary>Whether a peer is linked.</summary>
                        [Call]
                        public bool IsLinked() => State.Peer is not null;

                        /// <summary>Renames the grain.</summary>
                        [Cast]
                        public void Rename(string label)
                        {
                            State = State with { Label = label };
                            SaveState();
                        }

                        /// <summary>Passes a message on to the linked peer.</summary>
                        [Call]
                        public void Nudge()
                        {
                            if (State.Peer is { } peer)
                            {
                                peer.{{CastOf(peer)}};
                            }
                        }
                    }

                    """);
                break;
            case 2:
                text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>One entry of <see cref="{{name}}"/>.</summary>
                    public sealed record {{name}}Entry(string Account, decimal Amount, TimeSpan Age);

                    /// <summary>The saved ledger of <see cref="{{name}}"/>.</summary>
                    public sealed record {{name}}State(ImmutableList<{{name}}Entry> Entries, decimal Balance = 0)
                    {
                        /// <summary>An empty ledger.</summary>
                        public {{name}}State() : this(ImmutableList<{{name}}Entry>.Empty) { }
                    }

                    /// <summary>Ledger grain {{index}}.</summary>
                    [Grain]
                    public sealed partial class {{name}} : Grain<{{name}}State>
                    {
                        /// <summary>Books <paramref name="amount"/> on <paramref name="account"/>.</summary>
                        [Call]
                        public decimal Book(string account, decimal amount)
                        {
                            State = State with { Entries = State.Entries.Add(new {{name}}Entry(account, amount + {{edit}}, TimeSpan.Zero)), Balance = State.Balance + amount };
                            SaveState();
                            return State.Balance;
                        }

                        /// <summary>The entries booked so far.</summary>
                        [Call]
                        public ImmutableList<{{name}}Entry> Entries() => State.Entries;

                        /// <summary>Asks grain <paramref name="key"/> of the other kind and books its answer.</summary>
                        [Call]
                        public async Task<int> Audit(string key)
                        {
                            await Grains.{{other}}(key).{{CallOf(peer)}};
                            return State.Entries.Count;
                        }

                        /// <summary>Clears the ledger.</summary>
                        [Cast]
                        public void Clear()
                        {
                            State = new {{name}}State();
                            SaveState();
                        }
                    }

                    """);
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $$"""
                    /// <summary>The saved state of <see cref="{{name}}"/>.</summary>
                    public sealed record {{name}}State(string Name = "", int Version = 1, bool Open = true);

                    /// <summary>Gate grain {{index}}: answers a waiting caller later.</summary>
                    [Grain]
                    public sealed partial class {{name}} : Grain<{{name}}State>
                    {
                        /// <summary>Sets the name, optionally closing the gate.</summary>
                        [Call]
                        public int Configure(string name, bool open = true, int version = {{index % 10}})
                        {
                            State = new {{name}}State(name, version + {{edit}}, open);
                            SaveState();
                            return State.Version;
                        }

                        /// <summary>Whether the gate is open.</summary>
                        [Call]
                        public bool IsOpen() => State.Open;

                        /// <summary>Waits for the gate: answered now when open.</summary>
                        [Call]
                        public void Wait(Caller<bool> caller)
                        {
                            if (State.Open)
                            {
                                Reply(caller, true);
                            }
                        }

                        /// <summary>Opens the gate; nobody waits.</summary>
                        [Cast]
                        public void Open()
                        {
                            State = State with { Open = true };
                            SaveState();
                        }
                    }

                    """);
                break;
        }

        if (extraCast)
        {
            int end = text.ToString().LastIndexOf('}');
            text.Insert(end, $$"""

                    /// <summary>A handler added by an edit.</summary>
                    [Cast]
                    public void Extra{{edit}}(int value) => Console.WriteLine(value);

                """);
        }

        return text.ToString();
    }

    /// <summary>All sources, by file name.</summary>
    public static IEnumerable<(string FileName, string Source)> All(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return (FileName(i), Source(i, count));
        }
    }

    /// <summary>The class name of grain <paramref name="index"/>.</summary>
    public static string Name(int index) => (index % 4) switch
    {
        0 => $"Counter{index:D4}",
        1 => $"Linked{index:D4}",
        2 => $"Ledger{index:D4}",
        _ => $"Gate{index:D4}",
    };

    private static string Namespace(int index) => $"Bench.Group{index / GroupSize:D2}";

    /// <summary>A cast of grain <paramref name="index"/>'s shape, as an expression on its reference.</summary>
    private static string CastOf(int index) => (index % 4) switch
    {
        0 => "Increment()",
        1 => "Rename(\"forwarded\")",
        2 => "Clear()",
        _ => "Open()",
    };

    /// <summary>A call of grain <paramref name="index"/>'s shape, as an expression on its reference.</summary>
    private static string CallOf(int index) => (index % 4) switch
    {
        0 => "Get()",
        1 => "IsLinked()",
        2 => "Entries()",
        _ => "IsOpen()",
    };
}
