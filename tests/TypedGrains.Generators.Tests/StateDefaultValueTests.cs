using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// A state member missing from older data takes its constructor parameter's default, written by the same literal
/// writer as handler defaults: enum members by name, numbers with their suffix, and the output compiles.
/// </summary>
public sealed class StateDefaultValueTests
{
    [Fact]
    public void ConstructorDefaultsAreWrittenLikeHandlerDefaults()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using TypedGrains;
            namespace Cases;
            public enum Mode { Slow, Fast }
            [System.Flags] public enum Flags { None = 0, A = 1, B = 2 }
            public sealed record S(Mode M = Mode.Fast, Flags F = Flags.A | Flags.B, int N = -5, long L = 7, double D = 1.5, Mode? Maybe = Mode.Slow, string Name = "x\"y");
            [Grain] public sealed partial class G : Grain<S> { [Call] public int Get(Mode m = Mode.Fast, int n = -5) => 0; }
            """).AssertGeneratorQuiet();

        string formatter = outcome.Sources.Single(s => s.Text.Contains("class SFormatter_", StringComparison.Ordinal)).Text;
        string[] defaults = formatter.Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("global::Cases.Mode m0 = global::Cases.Mode.Fast;", defaults);
        Assert.Contains("global::Cases.Flags m1 = global::Cases.Flags.A | global::Cases.Flags.B;", defaults);
        Assert.Contains("int m2 = -5;", defaults);
        Assert.Contains("long m3 = 7L;", defaults);
        Assert.Contains("global::Cases.Mode? m5 = global::Cases.Mode.Slow;", defaults);
        Assert.Contains("string m6 = \"x\\\"y\";", defaults);
        Assert.Contains("= -5", outcome.Sources.Single(s => s.HintName == "Cases.G.g.cs").Text, StringComparison.Ordinal);
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
