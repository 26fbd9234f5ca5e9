using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Each case plus its generated output compiles and emits without any error or warning.</summary>
public sealed class CompileTests
{
    [Theory]
    [MemberData(nameof(GrainCases.Names), MemberType = typeof(GrainCases))]
    public void GeneratedSourceCompilesWithoutDiagnostics(string caseName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources[caseName]).AssertGeneratorQuiet();
        Assert.NotEmpty(outcome.Sources);

        using var stream = new MemoryStream();
        EmitResult result = outcome.Output.Emit(stream);

        // The compilation parses doc comments (DocumentationMode.Diagnose) so that the generated XML docs are checked
        // too; the hand-written test grains carry no docs, so "missing XML comment" is accepted only in them.
        Diagnostic[] diagnostics = result.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree is { } tree && outcome.Input.SyntaxTrees.Contains(tree)))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
        Assert.True(result.Success);
    }

    [Fact]
    public void GrainDerivedFromACompiledGrainCompilesWithoutDiagnostics()
    {
        GeneratorOutcome library = GeneratorHarness.Run("""
            using TypedGrains;
            namespace Lib;
            [Grain] public partial class BaseCounter : Grain<int> { [Cast] public void Increment() => State++; }
            """).AssertGeneratorQuiet();
        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);

        Microsoft.CodeAnalysis.CSharp.CSharpCompilation app = GeneratorHarness.CreateCompilation("""
            using TypedGrains;
            namespace App;
            [Grain] public sealed partial class Derived : Lib.BaseCounter { [Cast] public void Poke() => CastToSelf.Poke(); }
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out Compilation output, out var driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        Assert.Single(driver.GetRunResult().GeneratedTrees, t => !GeneratedFiles.IsAssemblyFile(System.IO.Path.GetFileName(t.FilePath)));
        Diagnostic[] diagnostics = output.GetDiagnostics()
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree is { } tree && app.SyntaxTrees.Contains(tree)))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void FormattersOfTwoAssembliesThatShareInternalsDoNotCollide()
    {
        CSharpCompilation libraryInput = GeneratorHarness.CreateCompilation("""
            using TypedGrains;
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App")]
            namespace Lib;
            [Grain] public sealed partial class Store : Grain<Shared> { [Cast] public void Put(Shared value) => State = value; }
            public sealed record Shared(int Count, System.Collections.Generic.List<string> Names);
            """).WithAssemblyName("Lib");
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(libraryInput, out Compilation library, out _);
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        CSharpCompilation app = GeneratorHarness.CreateCompilation("""
            using TypedGrains;
            namespace App;
            [Grain] public sealed partial class Copy : Grain<Lib.Shared> { [Cast] public void Put(Lib.Shared value) => State = value; }
            """).WithAssemblyName("App").AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(app, out Compilation output, out _);

        Diagnostic[] diagnostics = output.GetDiagnostics()
            .Where(d => d.Severity != DiagnosticSeverity.Hidden)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree is { } tree && app.SyntaxTrees.Contains(tree)))
            .ToArray();
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("namespace TypedGrains.Generated.MessagePack.App", System.StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratedSourceHasNoMissingDocumentation()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources["ContractCounter"]).AssertGeneratorQuiet();
        SyntaxTree[] generated = outcome.Output.SyntaxTrees.Except(outcome.Input.SyntaxTrees).ToArray();

        Diagnostic[] missing = outcome.Output.GetDiagnostics()
            .Where(d => d.Id == "CS1591" && generated.Contains(d.Location.SourceTree))
            .ToArray();

        Assert.True(missing.Length == 0, string.Join("\n", missing.Select(d => d.ToString())));
    }
}
