using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>
/// TG0100 names every member that cannot be serialized, each with why its type is refused; and a mutable collection
/// nested inside an immutable record state is reported (TG0018) though the record itself is immutable (no TG0012).
/// </summary>
public sealed class SerializationDiagnosticTests
{
    [Fact]
    public void EveryUnsupportedMemberIsReportedWithItsReason()
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(DiagnosticCases.Preamble + """
            public sealed record Upload(System.IO.Stream Body, Uri Link, int Size, char Mark, (int, int) Pair, IList<int> Parts, int[,] Grid);
            [Grain] public sealed partial class G : Grain<Upload> { [Call] public int Get() => 0; }
            """);

        Diagnostic[] reported = outcome.TypedGrains.Where(d => d.Id == DiagnosticIds.UnsupportedSerializableType).ToArray();
        string[] expected =
            [
                "'Upload.Body' cannot be serialized as MessagePack: 'Stream' is abstract; the serializer needs a concrete type",
                "'Upload.Link' cannot be serialized as MessagePack: 'Uri' is a framework type outside the supported set",
                "'Upload.Mark' cannot be serialized as MessagePack: 'char' is not supported (store it as a string or an int)",
                "'Upload.Pair' cannot be serialized as MessagePack: '(int, int)' is a tuple; use a record with named members",
                "'Upload.Parts' cannot be serialized as MessagePack: 'IList<int>' is an interface; the serializer needs a concrete type",
                "'Upload.Grid' cannot be serialized as MessagePack: 'int[,]' is a 2-dimensional array; only one-dimensional arrays are supported",
            ];
        Assert.Equal(expected.Length, reported.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Prefix(reported[i].GetMessage()));
        }

        // Each also points at the member that reaches the type.
        Assert.All(reported, d => Assert.Single(d.AdditionalLocations));
    }

    [Fact]
    public void AnArgumentAndAReplyReportEachOfTheirMembers()
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(DiagnosticCases.Preamble + """
            public sealed record Request(Action Callback, object Payload);
            public sealed record Reply(nint Handle, Dictionary<Request, int> ByRequest);
            [Grain] public sealed partial class G : Grain<S> { [Call] public Reply Send(Request request) => null!; }
            """);

        Assert.Equal(
            [
                "G.Send(request).Callback: 'Action' is a delegate, which holds code, not data",
                "G.Send(request).Payload: 'object' is object; the serializer needs a concrete type",
                "G.Send(return).ByRequest{}.Callback: 'Action' is a delegate, which holds code, not data",
                "G.Send(return).ByRequest{}.Payload: 'object' is object; the serializer needs a concrete type",
                "G.Send(return).Handle: 'nint' is a native-sized integer, whose size differs between processes (use long or ulong)",
            ],
            outcome.TypedGrains.Where(d => d.Id == DiagnosticIds.UnsupportedSerializableType)
                .Select(d => d.GetMessage().Replace("' cannot be serialized as MessagePack: ", ": ", System.StringComparison.Ordinal).TrimStart('\''))
                .Order(System.StringComparer.Ordinal)
                .ToArray());
    }

    [Fact]
    public void AMutableCollectionNestedInAnImmutableRecordIsReported()
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(DiagnosticCases.Preamble + """
            public sealed record Tag(string Name, List<string> Aliases);
            public sealed record Line(int Quantity, Tag Tag);
            public sealed record Order(System.Collections.Immutable.ImmutableList<Line> Lines, Line First);
            [Grain] public sealed partial class G : Grain<Order> { [Call] public int Get() => 0; }
            """);

        Assert.DoesNotContain(outcome.TypedGrains, d => d.Id == DiagnosticIds.MutableState);
        Assert.Equal(
            ["Order.Lines[].Tag.Aliases"],
            outcome.TypedGrains.Where(d => d.Id == DiagnosticIds.MutableCollectionInState).Select(d => PathOf(d.GetMessage())).ToArray());
    }

    private static string Prefix(string message)
    {
        int cut = message.IndexOf(" (records,", System.StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" (List<T>,", System.StringComparison.Ordinal);
        }

        if (cut < 0)
        {
            cut = message.IndexOf(" (use T[][]", System.StringComparison.Ordinal);
        }

        return cut < 0 ? message : message.Substring(0, cut);
    }

    private static string PathOf(string message) =>
        message.Split('\'').First(part => part.StartsWith("Order.", System.StringComparison.Ordinal));
}
