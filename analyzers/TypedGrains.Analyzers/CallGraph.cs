using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Analyzers;

/// <summary>One call a handler awaits: from a handler to a call handler of a grain, seen through its typed reference.</summary>
internal sealed class CallEdge
{
    /// <summary>Creates the edge.</summary>
    public CallEdge(IMethodSymbol from, IMethodSymbol to, Location location)
    {
        From = from;
        To = to;
        Location = location;
    }

    /// <summary>The calling handler.</summary>
    public IMethodSymbol From { get; }

    /// <summary>The called handler.</summary>
    public IMethodSymbol To { get; }

    /// <summary>Where the call is made.</summary>
    public Location Location { get; }
}

/// <summary>
/// Finds call cycles between grains: a path of awaited calls starting in a handler of grain A, through handlers of
/// other grains, back to any handler of A. A non-reentrant A is still busy with the first handler, so the path deadlocks.
/// </summary>
internal static class CallGraph
{
    private const int MaxDepth = 8;

    /// <summary>A cycle found: its calls, starting in the grain with the ordinally smallest name.</summary>
    public sealed class Cycle
    {
        /// <summary>Creates the cycle.</summary>
        public Cycle(IReadOnlyList<CallEdge> edges) => Edges = edges;

        /// <summary>The calls of the cycle in order; the last one calls back into the first grain.</summary>
        public IReadOnlyList<CallEdge> Edges { get; }

        /// <summary>The cycle as text: <c>A.X → B.Y → A.Z</c>.</summary>
        public string Describe()
        {
            var parts = new List<string> { Name(Edges[0].From) };
            parts.AddRange(Edges.Select(e => Name(e.To)));
            return string.Join(" → ", parts);
        }
    }

    /// <summary>The distinct cycles among <paramref name="edges"/>, each reported once, in a deterministic order.</summary>
    public static IReadOnlyList<Cycle> FindCycles(IEnumerable<CallEdge> edges)
    {
        var outgoing = new Dictionary<IMethodSymbol, List<CallEdge>>(SymbolEqualityComparer.Default);
        foreach (CallEdge edge in edges)
        {
            if (SymbolEqualityComparer.Default.Equals(edge.From.ContainingType, edge.To.ContainingType))
            {
                continue;
            }

            if (!outgoing.TryGetValue(edge.From, out List<CallEdge>? list))
            {
                list = new List<CallEdge>();
                outgoing.Add(edge.From, list);
            }

            list.Add(edge);
        }

        foreach (List<CallEdge> list in outgoing.Values)
        {
            list.Sort((x, y) =>
            {
                int byName = string.CompareOrdinal(Name(x.To), Name(y.To));
                return byName != 0 ? byName : x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
            });
        }

        var cycles = new List<Cycle>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (IMethodSymbol start in outgoing.Keys.OrderBy(Name, StringComparer.Ordinal))
        {
            var path = new List<CallEdge>();
            Walk(start, start.ContainingType, outgoing, path, cycles, seen);
        }

        return cycles;
    }

    private static void Walk(
        IMethodSymbol current,
        INamedTypeSymbol startGrain,
        Dictionary<IMethodSymbol, List<CallEdge>> outgoing,
        List<CallEdge> path,
        List<Cycle> cycles,
        HashSet<string> seen)
    {
        if (path.Count >= MaxDepth || !outgoing.TryGetValue(current, out List<CallEdge>? next))
        {
            return;
        }

        foreach (CallEdge edge in next)
        {
            INamedTypeSymbol target = edge.To.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(target, startGrain))
            {
                var cycle = new List<CallEdge>(path) { edge };
                if (IsCanonical(cycle) && seen.Add(Key(cycle)))
                {
                    cycles.Add(new Cycle(cycle));
                }

                continue;
            }

            if (path.Any(e => SymbolEqualityComparer.Default.Equals(e.To.ContainingType, target)))
            {
                continue;
            }

            path.Add(edge);
            Walk(edge.To, startGrain, outgoing, path, cycles, seen);
            path.RemoveAt(path.Count - 1);
        }
    }

    // A cycle is reported from the grain with the smallest name, so each cycle is reported once.
    private static bool IsCanonical(List<CallEdge> cycle)
    {
        string first = GrainName(cycle[0].From);
        return cycle.All(e => string.CompareOrdinal(first, GrainName(e.To)) <= 0);
    }

    private static string Key(List<CallEdge> cycle) =>
        string.Join("|", cycle.Select(e => Name(e.From) + ">" + Name(e.To)));

    private static string GrainName(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private static string Name(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;
}
