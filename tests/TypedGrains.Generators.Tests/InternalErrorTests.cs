using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// A bug in the generator (simulated by throwing from its fault seam at each stage) is one TG0900 error naming the
/// grain or type and the exception; the grain is never dropped silently, and the rest of the output is still there.
/// </summary>
public sealed class InternalErrorTests
{
    private const string Source = """
        using TypedGrains;
        namespace Cases;
        public sealed record AState(int Count = 0);
        public sealed record BState(string Name = "");
        [Grain] public sealed partial class Alpha : Grain<AState> { [Call] public int Get() => State.Count; }
        [Grain] public sealed partial class Beta : Grain<BState> { [Call] public string Name() => State.Name; }
        """;

    private const string Fault = "injected fault";

    [Fact]
    public void AFailureWhileReadingAGrainIsReportedAtTheGrain()
    {
        GeneratorOutcome outcome = RunFailing("parse", "Alpha");

        Diagnostic error = AssertOneInternalError(outcome, "reading grain 'global::Cases.Alpha'");
        Assert.Equal("Source0.cs", error.Location.SourceTree?.FilePath ?? error.Location.GetLineSpan().Path);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName == "Cases.Alpha.g.cs");
        Assert.Contains(outcome.Sources, s => s.HintName == "Cases.Beta.g.cs");
    }

    [Fact]
    public void AFailureWhileBuildingSerializersKeepsTheGrainAndSaysItHasNoStateCodec()
    {
        GeneratorOutcome outcome = RunFailing("serialization", "Alpha");

        Diagnostic error = AssertOneInternalError(outcome, "building the serializers of grain 'global::Cases.Alpha'");
        Assert.Contains("state codec", error.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("StateCodec", outcome.Sources.Single(s => s.HintName == "Cases.Alpha.g.cs").Text, StringComparison.Ordinal);
        Assert.Contains("StateCodec", outcome.Sources.Single(s => s.HintName == "Cases.Beta.g.cs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureWhileWritingAGrainNamesIt()
    {
        GeneratorOutcome outcome = RunFailing("emit", "Alpha");

        AssertOneInternalError(outcome, "writing grain 'global::Cases.Alpha'");
        Assert.DoesNotContain(outcome.Sources, s => s.HintName == "Cases.Alpha.g.cs");
        Assert.Contains(outcome.Sources, s => s.HintName == "Cases.Beta.g.cs");
    }

    [Fact]
    public void AFailureWhileWritingAFormatterNamesTheType()
    {
        GeneratorOutcome outcome = RunFailing("formatter", "BState");

        AssertOneInternalError(outcome, "the MessagePack formatter of 'global::Cases.BState'");
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("TypedGrains.MessagePack.", StringComparison.Ordinal));
        Assert.Contains(outcome.Sources, s => s.HintName == "Cases.Alpha.g.cs");
    }

    [Fact]
    public void AFailureWhileWritingTheCatalogIsReported()
    {
        GeneratorOutcome outcome = RunFailing("catalog", "TypedGrains.Generated.Catalog");

        AssertOneInternalError(outcome, "writing the grain catalog");
        Assert.DoesNotContain(outcome.Sources, s => s.HintName == "TypedGrains.GrainCatalog.g.cs");
        Assert.Contains(outcome.Sources, s => s.HintName == "Cases.Beta.g.cs");
    }

    private static GeneratorOutcome RunFailing(string stage, string subject) =>
        GeneratorHarness.Run(
            new GrainGenerator
            {
                FaultInjector = (at, what) =>
                {
                    if (at == stage && what.Contains(subject, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(Fault);
                    }
                },
            },
            Source);

    private static Diagnostic AssertOneInternalError(GeneratorOutcome outcome, string activity)
    {
        Assert.Null(outcome.Result.Exception);
        Diagnostic error = Assert.Single(outcome.Result.Diagnostics);
        Assert.Equal(GeneratorDiagnostics.InternalErrorId, error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        string message = error.GetMessage();
        Assert.Contains(activity, message, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: " + Fault, message, StringComparison.Ordinal);
        return error;
    }
}
