using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Generated reference and cast-to-self methods keep the handlers' default parameter values.</summary>
public sealed class DefaultValueTests
{
    private const string Client = """
        using System.Threading.Tasks;
        using Cases;
        using TypedGrains;

        namespace Client;

        public static class Use
        {
            public static async Task<int> RunAsync(IGrainFactory grains)
            {
                DefaultsRef defaults = grains.Defaults("d");
                defaults.Rename();
                defaults.Rename("n", label: "l");
                defaults.Limits();
                defaults.Tune(scale: 1f);
                defaults.Pick();
                defaults.Structs();
                int joined = await defaults.Join("m");
                int later = await defaults.Later(second: 3);
                return await defaults.Add() + joined + later;
            }
        }
        """;

    // Values whose text is easy to get wrong: escapes, lone surrogates, extreme and negative numbers, -0, NaN,
    // infinities, decimal scale, enum values with and without members. Chars make the grain unserializable, which
    // does not matter here.
    private const string Edges = """
        using System;
        using TypedGrains;

        namespace Cases;

        [Flags] public enum Bits : byte { None = 0, A = 1, B = 2, C = 4, AB = 3 }

        public enum Wide : ulong { Max = ulong.MaxValue }

        public enum Signed : sbyte { Minus = -1 }

        [Grain]
        public sealed partial class Edges : Grain<int>
        {
            [Cast] public void Strings(string empty = "", string nul = "\0", string control = "\u0001\a\b\f\v", string lines = "tab\tand\r\n",
                string quoted = "\"q\" \\ '", string separators = "\u2028\u2029\u0085", string text = "é日本", string pair = "😀",
                string high = "\uD800", string low = "\uDC00", string mixed = "a\uD800b\uDFFF", string last = "\uFFFF\uFFFE",
                string code = "{braces} /* c */ // c", string? none = null, string forgiven = null!) { }

            [Cast] public void Chars(char nul = '\0', char quote = '\'', char dquote = '"', char slash = '\\', char newline = '\n',
                char high = '\uD800', char separator = '\u2028', char plain = 'x', char last = '\uFFFF', char? maybe = 'y') { }

            [Cast] public void Integers(int min = int.MinValue, int max = int.MaxValue, int minus = -1, sbyte smallest = sbyte.MinValue,
                short shortest = short.MinValue, ushort ushortest = ushort.MaxValue, byte zero = 0, uint umax = uint.MaxValue,
                long lmin = long.MinValue, long lmax = long.MaxValue, ulong ulmax = ulong.MaxValue, int @class = 1, long widened = 5, int? maybe = -7) { }

            [Cast] public void Doubles(double tenth = 0.1, double third = 1.0 / 3, double epsilon = double.Epsilon, double max = double.MaxValue,
                double min = double.MinValue, double negativeZero = -0.0, double nan = double.NaN, double up = double.PositiveInfinity,
                double down = double.NegativeInfinity, double big = 1e21, double whole = 123, double sum = 0.30000000000000004,
                double converted = 3, double? maybe = double.NaN) { }

            [Cast] public void Singles(float tenth = 0.1f, float epsilon = float.Epsilon, float max = float.MaxValue, float negativeZero = -0f,
                float down = float.NegativeInfinity, float rounded = 16777217f, float third = 1f / 3, float? maybe = 2.5f) { }

            [Cast] public void Decimals(decimal scaled = 1.50m, decimal max = decimal.MaxValue, decimal min = decimal.MinValue,
                decimal small = -0.0001m, decimal zero = 0m, decimal tiny = 1e-28m, decimal whole = 7, decimal? maybe = 2.5m) { }

            [Cast] public void Enums(Bits none = Bits.None, Bits a = Bits.A, Bits ab = Bits.A | Bits.B, Bits abc = Bits.A | Bits.B | Bits.C,
                Bits unnamed = (Bits)8, Bits mixed = (Bits)9, Wide wide = Wide.Max, Signed minus = Signed.Minus, Signed other = (Signed)(-2),
                Bits? maybe = Bits.C, Bits? nothing = null, DayOfWeek day = DayOfWeek.Friday) { }

            [Cast] public void Others(bool yes = true, bool no = false, bool? maybe = null, Guid id = default, DateTime when = default,
                TimeSpan span = default, object? anything = null, int[]? items = null, (int, string) pair = default) { }

            [Call] public void Deferred(int before = 1, Caller<string> caller = default, string after = "a") { }
        }
        """;

    [Fact]
    public void ReferenceMethodsCanOmitDefaultedArguments()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources["DefaultValues"], Client).AssertGeneratorQuiet();

        AssertEmitsWithoutDiagnostics(outcome);
    }

    [Fact]
    public void GeneratedDefaultsAreTheHandlersDefaults()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Edges).AssertGeneratorQuiet();
        AssertEmitsWithoutDiagnostics(outcome);

        INamedTypeSymbol grain = outcome.Output.GetTypeByMetadataName("Cases.Edges")!;
        INamedTypeSymbol reference = outcome.Output.GetTypeByMetadataName("Cases.EdgesRef")!;
        INamedTypeSymbol selfCasts = outcome.Output.GetTypeByMetadataName("Cases.Edges+SelfCasts")!;
        int compared = 0;
        foreach (IMethodSymbol handler in grain.GetMembers().OfType<IMethodSymbol>().Where(IsHandler))
        {
            IParameterSymbol[] arguments = handler.Parameters.Where(p => p.Type.Name != "Caller").ToArray();
            IMethodSymbol referenceMethod = reference.GetMembers(handler.Name).OfType<IMethodSymbol>().Single();
            if (handler.GetAttributes().Any(a => a.AttributeClass?.Name == "CastAttribute"))
            {
                compared += AssertSameDefaults(arguments, referenceMethod, referenceMethod.Parameters);
                AssertSameDefaults(arguments, referenceMethod, selfCasts.GetMembers(handler.Name).OfType<IMethodSymbol>().Single().Parameters);
            }
            else
            {
                // A call's reference method adds an optional token after the handler's arguments.
                IParameterSymbol token = referenceMethod.Parameters[^1];
                Assert.Equal("CancellationToken", token.Type.Name);
                Assert.True(token.HasExplicitDefaultValue && token.ExplicitDefaultValue is null, handler.Name + ": the token has no default.");
                compared += AssertSameDefaults(arguments, referenceMethod, referenceMethod.Parameters.RemoveAt(referenceMethod.Parameters.Length - 1));
            }
        }

        Assert.True(compared > 90, $"Only {compared} defaults compared.");
    }

    [Fact]
    public void AnOptionalParameterBeforeARequiredOneLosesItsDefault()
    {
        // Not valid C# (CS1737), but the generator still runs on it; its output must not add errors of its own.
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using TypedGrains;
            namespace Cases;
            [Grain] public sealed partial class G : Grain<int> { [Cast] public void Set(int first = 1, int second, int third = 3) { } }
            """).AssertGeneratorQuiet();

        string reference = outcome.GrainSources.Single().Text;
        Assert.Contains("public void Set(int first, int second, int third = 3)", reference, StringComparison.Ordinal);
        SyntaxTree generated = outcome.Output.SyntaxTrees.Except(outcome.Input.SyntaxTrees).First(t => t.ToString() == reference);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == generated);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(-1, "-1")]
    [InlineData(7u, "7U")]
    [InlineData(-5L, "-5L")]
    [InlineData(18446744073709551615UL, "18446744073709551615UL")]
    [InlineData(true, "true")]
    [InlineData('\'', "'\\''")]
    [InlineData('\u2028', "'\\u2028'")]
    [InlineData("a\"b\\c\n\u0001", "\"a\\\"b\\\\c\\n\\u0001\"")]
    [InlineData(0.1, "0.1D")]
    [InlineData(1e21, "1E+21D")]
    [InlineData(-0.0, "-0D")]
    [InlineData(double.NaN, "double.NaN")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    [InlineData(2.5f, "2.5F")]
    [InlineData(0.1f, "0.1F")]
    [InlineData(float.PositiveInfinity, "float.PositiveInfinity")]
    public void ConstantsAreWrittenAsInvariantLiterals(object value, string expected)
    {
        string? actual = null;
        System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma and a different minus sign must not leak into the text (built by hand,
            // so the test does not depend on the machine's culture data).
            var skewed = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            skewed.NumberFormat.NumberDecimalSeparator = ",";
            skewed.NumberFormat.NegativeSign = "\u2212";
            skewed.NumberFormat.PositiveInfinitySymbol = "oo";
            skewed.NumberFormat.NaNSymbol = "nope";
            System.Globalization.CultureInfo.CurrentCulture = skewed;
            actual = DefaultValueLiteral.FormatConstant(value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DecimalsKeepTheirScale()
    {
        Assert.Equal("1.50M", DefaultValueLiteral.FormatConstant(1.50m));
        Assert.Equal("-79228162514264337593543950335M", DefaultValueLiteral.FormatConstant(decimal.MinValue));
    }

    [Fact]
    public void ValuesWithoutALiteralAreSkipped()
    {
        Assert.Null(DefaultValueLiteral.FormatConstant(new DateTime(2000, 1, 1)));
    }

    private static bool IsHandler(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.Name is "CallAttribute" or "CastAttribute");

    private static int AssertSameDefaults(IParameterSymbol[] expected, IMethodSymbol copy, ImmutableArray<IParameterSymbol> copied)
    {
        Assert.Equal(expected.Select(p => p.Name), copied.Select(p => p.Name));
        int compared = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            IParameterSymbol handler = expected[i];
            IParameterSymbol generated = copied[i];
            string where = copy.ContainingType.Name + "." + copy.Name + "(" + generated.Name + ")";
            Assert.True(handler.HasExplicitDefaultValue == generated.HasExplicitDefaultValue, where + ": default present in only one of them.");
            if (!handler.HasExplicitDefaultValue)
            {
                continue;
            }

            object? left = handler.ExplicitDefaultValue;
            object? right = generated.ExplicitDefaultValue;
            Assert.True(left?.GetType() == right?.GetType(), where + $": {left?.GetType()} vs {right?.GetType()}");
            Assert.True(Describe(left) == Describe(right), where + $": {Describe(left)} vs {Describe(right)}");
            compared++;
        }

        return compared;
    }

    /// <summary>An exact description of a constant: the bits of floating-point values, the scale of decimals, the UTF-16 units of text.</summary>
    private static string Describe(object? value) => value switch
    {
        null => "null",
        double d => BitConverter.DoubleToInt64Bits(d).ToString("X16", System.Globalization.CultureInfo.InvariantCulture),
        float f => BitConverter.SingleToInt32Bits(f).ToString("X8", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => string.Join(",", decimal.GetBits(m)),
        string s => string.Join(",", s.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))),
        char c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void AssertEmitsWithoutDiagnostics(GeneratorOutcome outcome)
    {
        using var stream = new MemoryStream();
        EmitResult result = outcome.Output.Emit(stream);
        Diagnostic[] diagnostics = result.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree is { } tree && outcome.Input.SyntaxTrees.Contains(tree)))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
        Assert.True(result.Success);
    }
}
