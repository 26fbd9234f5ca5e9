using System;
using System.Collections.Generic;
using System.Linq;
using TypedGrains.Generators.Helpers;
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

        // Gather the MessagePack formatters of all grains, one per type however many grains use it.
        IncrementalValueProvider<EquatableArray<FormatterModel>> formatters = grains
            .Select(static (grain, _) => grain.Formatters)
            .Collect()
            .Select(static (all, _) => new EquatableArray<FormatterModel>(all
                .SelectMany(static list => list)
                .GroupBy(static f => f.ClassName, StringComparer.Ordinal)
                .Select(static g => g.First())
                .OrderBy(static f => f.ClassName, StringComparer.Ordinal)
                .ToArray()))
            .WithTrackingName(GrainGeneratorStepNames.Formatters);

        // Gather every valid grain for the catalog registration, keyed to the assembly's own generated namespace.
        IncrementalValueProvider<string?> assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName)
            .WithTrackingName(GrainGeneratorStepNames.AssemblyName);
        IncrementalValueProvider<GrainCatalogModel> catalog = grains
            .Select(static (grain, _) => grain.FullyQualifiedName)
            .Collect()
            .Combine(assemblyName)
            .Select(static (pair, _) => new GrainCatalogModel(
                SerializationParser.GeneratedNamespace(CatalogEmitter.NamespacePrefix, pair.Right),
                new EquatableArray<string>(pair.Left.Distinct(StringComparer.Ordinal).OrderBy(static name => name, StringComparer.Ordinal).ToArray())))
            .WithTrackingName(GrainGeneratorStepNames.Catalog);

        // Emit the module initializer that registers them; users never name it.
        context.RegisterImplementationSourceOutput(catalog, static (production, model) =>
        {
            if (model.Grains.IsEmpty)
            {
                return;
            }

            string source;
            try
            {
                source = CatalogEmitter.Emit(model);
            }
            catch (Exception)
            {
                return;
            }

            production.AddSource(CatalogEmitter.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        // Emit one file per formatter and the registration of them all; users never name these types.
        context.RegisterImplementationSourceOutput(formatters, static (production, all) =>
        {
            if (all.IsEmpty)
            {
                return;
            }

            try
            {
                var sources = new List<(string HintName, string Source)>(all.Count + 1);
                foreach (FormatterModel formatter in all)
                {
                    sources.Add((FormatterEmitter.HintName(formatter), FormatterEmitter.Emit(formatter)));
                }

                sources.Add((FormatterEmitter.RegistrationHintName, FormatterEmitter.EmitRegistrations(all)));
                foreach ((string hintName, string source) in sources)
                {
                    production.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception)
            {
                return;
            }
        });
    }
}
