using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// <summary>
    /// A test seam: when set, called with the stage (<c>parse</c>, <c>serialization</c>, <c>emit</c>, <c>formatter</c>,
    /// <c>catalog</c>) and the grain or type before each unit of work, so a test can throw where a bug would.
    /// </summary>
    internal System.Action<string, string>? FaultInjector { get; init; }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        System.Action<string, string>? inject = FaultInjector;

        // Find [Grain] classes and reduce each to an equatable model (none when it cannot be generated) and any
        // internal error met on the way.
        // The models are parsed from the whole compilation, and only again when a declaration changed: a compilation
        // that differs from the last one only inside method bodies compares equal (DeclarationComparer), so Roslyn
        // keeps the last compilation and every step after it stays cached, however many grains there are.
        IncrementalValuesProvider<GrainParseResult> results = context.CompilationProvider
            .WithComparer(DeclarationComparer.Instance)
            .SelectMany((compilation, cancellationToken) => Finder.ParseAll(compilation, inject, cancellationToken))
            .WithTrackingName(GrainGeneratorStepNames.GrainModels);

        // Drop the grains the rules reject: they are skipped quietly (the analyzers say why). One step, not a Where and
        // a Select: every per-grain step is an entry per grain that Roslyn compares and, when asked, records on each run.
        IncrementalValuesProvider<GrainModel> grains = results
            .SelectMany(static (result, _) => result.Model is { } model ? ImmutableArray.Create(model) : ImmutableArray<GrainModel>.Empty)
            .WithTrackingName(GrainGeneratorStepNames.ValidGrains);

        // The valid grains as one value, for what is written once for all of them: the formatters and the catalog.
        IncrementalValueProvider<ImmutableArray<GrainModel>> allGrains = grains.Collect();

        // Emit one file per valid grain, and report the internal errors: a bug in the generator is an error naming the
        // grain, never a silent skip. One output step for both, so a grain costs one output entry, not two.
        context.RegisterSourceOutput(results, (production, result) =>
        {
            if (result.Error is { } error)
            {
                production.ReportDiagnostic(GeneratorDiagnostics.Create(error));
            }

            if (result.Model is not { } grain)
            {
                return;
            }

            string source;
            try
            {
                inject?.Invoke("emit", grain.FullyQualifiedName);
                source = Emitter.Emit(grain);
            }
            catch (Exception exception)
            {
                production.ReportDiagnostic(GeneratorDiagnostics.Create(InternalErrorModel.From(
                    "writing grain '" + grain.FullyQualifiedName + "'", exception, "its reference and dispatcher are not generated", null)));
                return;
            }

            production.AddSource(grain.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        // Gather the MessagePack formatters of all grains, one per type however many grains use it.
        IncrementalValueProvider<EquatableArray<FormatterModel>> formatters = allGrains
            .Select(static (all, _) => new EquatableArray<FormatterModel>(all
                .SelectMany(static grain => grain.Formatters)
                .GroupBy(static f => f.ClassName, StringComparer.Ordinal)
                .Select(static g => g.First())
                .OrderBy(static f => f.ClassName, StringComparer.Ordinal)
                .ToArray()))
            .WithTrackingName(GrainGeneratorStepNames.Formatters);

        // Gather every valid grain for the catalog registration, keyed to the assembly's own generated namespace.
        IncrementalValueProvider<string?> assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName)
            .WithTrackingName(GrainGeneratorStepNames.AssemblyName);
        IncrementalValueProvider<GrainCatalogModel> catalog = allGrains
            .Combine(assemblyName)
            .Select(static (pair, _) => new GrainCatalogModel(
                GeneratedNamespaces.Of(CatalogEmitter.NamespacePrefix, pair.Right),
                new EquatableArray<string>(pair.Left.Select(static grain => grain.FullyQualifiedName).Distinct(StringComparer.Ordinal).OrderBy(static name => name, StringComparer.Ordinal).ToArray())))
            .WithTrackingName(GrainGeneratorStepNames.Catalog);

        // Emit the module initializer that registers them; users never name it.
        context.RegisterImplementationSourceOutput(catalog, (production, model) =>
        {
            if (model.Grains.IsEmpty)
            {
                return;
            }

            string source;
            try
            {
                inject?.Invoke("catalog", model.Namespace);
                source = CatalogEmitter.Emit(model);
            }
            catch (Exception exception)
            {
                production.ReportDiagnostic(GeneratorDiagnostics.Create(InternalErrorModel.From(
                    "writing the grain catalog", exception, "no grain of this assembly is registered with the catalog", null)));
                return;
            }

            production.AddSource(CatalogEmitter.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        // Emit the formatters, a file per namespace of the formatted types, and the registration of them all; users
        // never name these types.
        context.RegisterImplementationSourceOutput(formatters, (production, all) =>
        {
            if (all.IsEmpty)
            {
                return;
            }

            var sources = new List<(string HintName, string Source)>();
            string current = "the formatter registrations";
            try
            {
                foreach ((string hintName, IReadOnlyList<FormatterModel> file) in FormatterEmitter.Files(all))
                {
                    sources.Add((hintName, FormatterEmitter.EmitFile(file, formatter =>
                    {
                        current = "the MessagePack formatter of '" + formatter.TypeName + "'";
                        inject?.Invoke("formatter", formatter.TypeName);
                    })));
                }

                current = "the formatter registrations";
                sources.Add((FormatterEmitter.RegistrationHintName, FormatterEmitter.EmitRegistrations(all)));
            }
            catch (Exception exception)
            {
                production.ReportDiagnostic(GeneratorDiagnostics.Create(InternalErrorModel.From(
                    "writing " + current, exception, "no MessagePack formatter is generated, so no grain state or message of this assembly can be serialized", null)));
                return;
            }

            foreach ((string hintName, string source) in sources)
            {
                production.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });
    }
}
