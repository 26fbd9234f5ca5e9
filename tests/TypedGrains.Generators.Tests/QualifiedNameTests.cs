using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// Generated code names every type <c>global::</c>-qualified, so it compiles whatever the grain's file imports. The
/// reference struct of a grain of the same compilation is not yet visible to the generator (an error type named as
/// written); it must still come out qualified through the grain it belongs to.
/// </summary>
public sealed class QualifiedNameTests
{
    private const string Remote = """
        using TypedGrains;
        namespace Other.Place
        {
            [Grain] public sealed partial class Remote : Grain<int> { [Call] public int Get() => State; }
        }

        """;

    [Theory]
    [InlineData("Grain<List<RemoteRef>>", "State.Count")]
    [InlineData("Grain<RemoteRef[]>", "State.Length")]
    [InlineData("Grain<Dictionary<string, RemoteRef?>>", "State.Count")]
    [InlineData("Grain<Holder>", "State.Refs.Count")]
    public void AStateReachingAReferenceImportedByUsingCompiles(string baseType, string count)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Remote + """
            namespace Cases
            {
                using System.Collections.Generic;
                using Other.Place;
                using TypedGrains;

                public sealed class Holder { public List<RemoteRef> Refs { get; set; } = new(); }

                [Grain] public sealed partial class Keeper : BASE
                {
                    [Call] public int Count() => COUNT;
                    [Cast] public void Add(RemoteRef remote) { }
                }
            }
            """.Replace("BASE", baseType).Replace("COUNT", count)).AssertGeneratorQuiet();

        Assert.Contains(outcome.GrainSources, s => s.HintName == "Cases.Keeper.g.cs");
        using var stream = new MemoryStream();
        EmitResult result = outcome.Output.Emit(stream);
        Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(d => d.ToString())));
    }
}
