using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>Each diagnostic is reported where expected with its message arguments, and not reported on correct code.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string> ReportedCases => new(DiagnosticCases.Reported.Select(c => c.Name));

    public static TheoryData<string> NotReportedCases => new(DiagnosticCases.NotReported.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ReportedCases))]
    public void DiagnosticIsReported(string name)
    {
        (_, string id, string source, string[] arguments) = DiagnosticCases.Reported.Single(c => c.Name == name);
        MarkedSource marked = MarkedSource.Parse(DiagnosticCases.Preamble + source);

        AnalysisOutcome outcome = AnalyzerHarness.Analyze(marked.Text);

        Diagnostic[] matching = outcome.TypedGrains.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, "Expected one " + id + ", got: " + string.Join("; ", outcome.AnalyzerDiagnostics));
        Diagnostic diagnostic = matching[0];
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string argument in arguments)
        {
            Assert.Contains(argument, message, System.StringComparison.Ordinal);
        }

        Assert.Equal($"docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain(outcome.AnalyzerDiagnostics, d => d.Id == "AD0001");
    }

    [Theory]
    [MemberData(nameof(NotReportedCases))]
    public void DiagnosticIsNotReported(string name)
    {
        (_, string id, string source) = DiagnosticCases.NotReported.Single(c => c.Name == name);

        AnalysisOutcome outcome = AnalyzerHarness.Analyze(DiagnosticCases.Preamble + source);

        Assert.DoesNotContain(outcome.TypedGrains, d => d.Id == id);
        Assert.Empty(outcome.CompilerErrors);
        Assert.DoesNotContain(outcome.AnalyzerDiagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public void ValidSamplesHaveNoErrors()
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(GrainSources.Load().Select(s => s.Text).ToArray());

        ImmutableArray<Diagnostic> reported = outcome.TypedGrains;
        Assert.Empty(reported);
        Assert.Empty(outcome.CompilerErrors);
    }

    [Fact]
    public void EveryDescriptorHasCaseDocsAndRelease()
    {
        string root = RepositoryRoot.Find();
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "docs", "diagnostics.md"));
        string unshipped = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "analyzers", "TypedGrains.Analyzers", "AnalyzerReleases.Unshipped.md"));
        DiagnosticDescriptor[] descriptors = AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Distinct().ToArray();
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.Contains(DiagnosticCases.Reported, c => c.Id == descriptor.Id);
            Assert.Contains(DiagnosticCases.NotReported, c => c.Id == descriptor.Id);
            Assert.Contains($"<a id=\"{descriptor.Id.ToLowerInvariant()}\"></a>", docs, System.StringComparison.Ordinal);
            Assert.Contains(descriptor.Id + " |", unshipped, System.StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
