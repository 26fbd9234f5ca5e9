using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

/// <summary>
/// Generates, for each <c>[Grain]</c> class, a typed reference struct, a factory extension, request messages,
/// typed casts to self and a reflection-free dispatcher.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class GrainGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Find [Grain] classes by attribute and reduce each to an equatable model (null when it cannot be generated).
        IncrementalValuesProvider<GrainModel?> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "TypedGrains.GrainAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(GrainGeneratorStepNames.GrainModels);

        // Drop the grains the rules reject: they are skipped quietly (the analyzers say why).
        IncrementalValuesProvider<GrainModel> grains = models
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(GrainGeneratorStepNames.ValidGrains);

        // Emit one file per grain.
        context.RegisterSourceOutput(grains, static (production, grain) =>
        {
            string source;
            try
            {
                source = Emitter.Emit(grain);
            }
            catch (Exception)
            {
                return;
            }

            production.AddSource(grain.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });
    }
}
