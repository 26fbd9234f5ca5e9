using System;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Reference methods show their handlers' documentation, and it never makes the generated file warn.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void ReferenceMethodsCarryTheHandlersDocumentation()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources["DocComments"]).AssertGeneratorQuiet();
        INamedTypeSymbol reference = outcome.Output.GetTypeByMetadataName("Cases.DocumentedRef")!;

        // What IntelliSense reads: the compiled documentation of the generated method.
        XElement add = Documentation(reference, "Add");
        Assert.Equal(["amount", "event"], add.Element("summary")!.Elements("paramref").Select(p => (string)p.Attribute("name")!));
        Assert.Equal(["amount", "event"], add.Elements("param").Select(p => (string)p.Attribute("name")!));
        Assert.Null(add.Element("returns"));

        XElement wait = Documentation(reference, "Wait");
        Assert.Equal(["target", "cancellationToken"], wait.Elements("param").Select(p => (string)p.Attribute("name")!));
        Assert.StartsWith("Stops waiting for the reply", wait.Elements("param").Last().Value, StringComparison.Ordinal);
        Assert.Equal("The value reached.", wait.Element("returns")!.Value);

        XElement sum = Documentation(reference, "SumAsync");
        Assert.Equal("Calls SumAsync on the grain and returns its reply.", sum.Element("summary")!.Value);
        Assert.Equal("The sum & nothing <else>.", sum.Element("returns")!.Value);
    }

    [Fact]
    public void CarelessDocumentationDoesNotWarnInTheGeneratedFile()
    {
        // The handlers' own comments warn (a missing <param>, an unknown name); their copies drop the tags that do not
        // fit the reference methods (those names, the caller token) and complete a partial set, so the generated
        // file stays quiet.
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using TypedGrains;
            namespace Cases;

            /// <summary>A grain.</summary>
            [Grain]
            public sealed partial class Careless : Grain<int>
            {
                /// <summary>Sums.</summary>
                /// <param name="first">The first term.</param>
                /// <param name="typo">Nothing.</param>
                [Call] public int Sum(int first, int second) => first + second;

                /// <summary>Waits.</summary>
                /// <param name="caller">Only the caller.</param>
                [Call] public void Wait(Caller<int> caller, int target) => Reply(caller, target);

                /// <summary>Sets.</summary>
                /// <param name="value">The value.</param>
                /// <returns>Nothing, it is a cast.</returns>
                [Cast] public void Set(int value) => State = value;
            }
            """).AssertGeneratorQuiet();

        string generated = outcome.GrainSources.Single().Text;
        Assert.Contains("/// <param name=\"first\">The first term.</param>", generated, StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"second\">The <c>second</c> argument.</param>", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("typo", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Only the caller", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("it is a cast", generated, StringComparison.Ordinal);

        SyntaxTree[] trees = outcome.Output.SyntaxTrees.Except(outcome.Input.SyntaxTrees).ToArray();
        Diagnostic[] warnings = outcome.Output.GetDiagnostics()
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && trees.Contains(d.Location.SourceTree))
            .ToArray();
        Assert.True(warnings.Length == 0, string.Join("\n", warnings.Select(d => d.ToString())));
        Assert.Contains(outcome.Output.GetDiagnostics(), d => d.Id == "CS1573" && d.Location.SourceTree is { } tree && outcome.Input.SyntaxTrees.Contains(tree));
    }

    private static XElement Documentation(INamedTypeSymbol type, string method) =>
        XElement.Parse(type.GetMembers(method).Single().GetDocumentationCommentXml()!);
}
