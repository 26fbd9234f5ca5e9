using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>Turns a <c>[Grain]</c> class into a <see cref="GrainModel"/>; symbols never leave this class.</summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat NamespaceFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

        /// <summary>
        /// Parses <paramref name="grain"/> with the compilation's known types (looked up once for all grains): no model
        /// when it breaks a <see cref="GrainRules"/> rule (the analyzers say why); an internal error, never a silent
        /// skip, when anything unexpected happens. Only cancellation escapes.
        /// </summary>
        public static GrainParseResult Parse(
            INamedTypeSymbol grain, GrainKnownTypes known, SerializableKnownTypes serializable, System.Action<string, string>? inject, CancellationToken cancellationToken)
        {
            try
            {
                inject?.Invoke("parse", grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                return ParseGrain(grain, known, serializable, inject, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                return new GrainParseResult(null, InternalErrorModel.From(
                    "reading grain '" + grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "'",
                    exception,
                    "its reference and dispatcher are not generated",
                    LocationModel.Of(grain)));
            }
        }

        private static readonly GrainParseResult NoGrain = new(null, null);

        private static GrainParseResult ParseGrain(
            INamedTypeSymbol grain, GrainKnownTypes known, SerializableKnownTypes serializable, System.Action<string, string>? inject, CancellationToken cancellationToken)
        {
            Compilation compilation = known.Compilation;
            if (GrainRules.Validate(grain, known, compilation, cancellationToken) != GrainRuleViolation.None)
            {
                return NoGrain;
            }

            AttributeData attribute = grain.GetAttributes()
                .First(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.GrainAttribute));
            GrainAttributeData arguments = GrainAttributeData.Read(attribute);

            var containingTypes = new List<INamedTypeSymbol>();
            for (INamedTypeSymbol? type = grain.ContainingType; type is not null; type = type.ContainingType)
            {
                containingTypes.Insert(0, type);
            }

            string namespaceName = grain.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(NamespaceFormat) : string.Empty;
            var rawPath = new List<string>();
            for (INamespaceSymbol? namespaceSymbol = grain.ContainingNamespace; namespaceSymbol is { IsGlobalNamespace: false }; namespaceSymbol = namespaceSymbol.ContainingNamespace)
            {
                rawPath.Insert(0, namespaceSymbol.Name);
            }

            rawPath.AddRange(containingTypes.Select(t => t.Name));
            rawPath.Add(grain.Name);
            string dottedName = string.Join(".", rawPath);

            string referenceName = GeneratedReferences.NameOf(grain);
            string referenceOwner = containingTypes.Count > 0
                ? containingTypes[containingTypes.Count - 1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "."
                : namespaceName.Length > 0 ? "global::" + namespaceName + "." : "global::";
            bool isPublic = grain.DeclaredAccessibility == Accessibility.Public
                && containingTypes.All(t => t.DeclaredAccessibility == Accessibility.Public);

            ITypeSymbol? state = GrainRules.GetStateType(grain, known);
            InitialStateModel? initialState = state is not null && GrainRules.ShouldGenerateInitialState(grain, state, known, compilation)
                ? new InitialStateModel(
                    GrainTypeNames.Format(state, grain, known, forCode: true),
                    GrainTypeNames.Format(state.WithNullableAnnotation(NullableAnnotation.NotAnnotated), grain, known, forCode: false))
                : null;

            var handlerMethods = new List<(IMethodSymbol Method, HandlerSignature Signature)>();
            var handlers = new List<HandlerModel>();
            foreach (IMethodSymbol method in GrainRules.GetHandlerMethods(grain, known))
            {
                cancellationToken.ThrowIfCancellationRequested();
                GrainRules.CheckHandler(method, referenceName, known, out HandlerSignature signature);
                handlerMethods.Add((method, signature));
                handlers.Add(ParseHandler(method, signature, known, cancellationToken));
            }

            handlers.Sort((x, y) => string.CompareOrdinal(x.MethodName, y.MethodName));
            string? stateTypeName = state is null ? null : GrainTypeNames.Format(state, grain, known, forCode: false);
            (CodecModel? stateCodec, FormatterModel[] formatters, InternalErrorModel? serializationError) = SerializationParser.Parse(grain, state, handlerMethods, serializable, inject, cancellationToken);
            (bool HidesRequests, bool HidesSelfCasts) hidden = GrainRules.GetHiddenBaseMembers(grain, known, cancellationToken);

            var model = new GrainModel(
                HintName: dottedName + ".g.cs",
                Namespace: namespaceName,
                ContainingTypes: new EquatableArray<ContainingTypeModel>(containingTypes.Select(ToContainingTypeModel).ToArray()),
                Name: Identifiers.Escape(grain.Name),
                FullyQualifiedName: grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                RefName: Identifiers.Escape(referenceName),
                RefFullyQualifiedName: referenceOwner + Identifiers.Escape(referenceName),
                ExtensionsClassName: Identifiers.Escape(string.Concat(containingTypes.Select(t => t.Name)) + grain.Name + "GrainFactoryExtensions"),
                FactoryMethodName: Identifiers.Escape(grain.Name),
                IsPublic: isPublic,
                GrainTypeName: arguments.Name ?? dottedName,
                KeyKind: (GrainKeyKindModel)arguments.Key,
                Placement: arguments.Placement ?? 0,
                Provider: arguments.Provider,
                InitialState: initialState,
                HidesBaseRequests: hidden.HidesRequests,
                HidesBaseSelfCasts: hidden.HidesSelfCasts && handlers.Any(h => h.Kind == HandlerKind.Cast),
                Handlers: new EquatableArray<HandlerModel>(handlers.ToArray()),
                StateTypeName: stateTypeName,
                StateCodec: stateCodec,
                Formatters: new EquatableArray<FormatterModel>(formatters),
                Ticks: new EquatableArray<TickModel>(ParseTicks(grain, known)),
                ServiceParameters: new EquatableArray<ServiceParameterModel>(ParseServiceParameters(grain, known)),
                RunsSynchronously: SynchronousGrainRule.RunsSynchronously(grain, known, cancellationToken));
            return new GrainParseResult(model, serializationError);
        }

        /// <summary>
        /// The parameters of the grain's service constructor (<see cref="GrainRules.GetServiceConstructor"/>): they are
        /// resolved from the services (no reflection). Any other grain keeps <c>new Grain()</c>.
        /// </summary>
        private static ServiceParameterModel[] ParseServiceParameters(INamedTypeSymbol grain, GrainKnownTypes known)
        {
            if (GrainRules.GetServiceConstructor(grain) is not { } constructor)
            {
                return Array.Empty<ServiceParameterModel>();
            }

            return constructor.Parameters
                .Select(p => new ServiceParameterModel(
                    p.Name,
                    GrainTypeNames.Format(p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), constructor, known, forCode: false),
                    p.HasExplicitDefaultValue || p.NullableAnnotation == NullableAnnotation.Annotated,
                    DefaultValueLiteral.Format(p, constructor, known)))
                .ToArray();
        }

        private static HandlerModel ParseHandler(IMethodSymbol method, HandlerSignature signature, GrainKnownTypes known, CancellationToken cancellationToken)
        {
            ParameterModel[] parameters = method.Parameters
                .Select(p => new ParameterModel(
                    Identifiers.Escape(p.Name),
                    GrainTypeNames.Format(p.Type, method, known, forCode: true),
                    DefaultValueLiteral.Format(p, method, known)))
                .ToArray();
            string[] argumentNames = method.Parameters.Where((_, i) => i != signature.CallerIndex).Select(p => p.Name).ToArray();
            string? cancellationTokenName = signature.Kind == HandlerKind.Cast ? null : CancellationTokenName(argumentNames);
            return new HandlerModel(
                Name: Identifiers.EscapeTypeName(method.Name),
                MethodName: method.Name,
                MethodId: GrainRules.ComputeMethodId(method, known),
                Kind: signature.Kind,
                Return: signature.Return,
                ReplyType: signature.ReplyType is null ? null : GrainTypeNames.Format(signature.ReplyType, method, known, forCode: true),
                CallerIndex: signature.CallerIndex,
                IsPublic: method.DeclaredAccessibility == Accessibility.Public,
                Parameters: new EquatableArray<ParameterModel>(parameters),
                CancellationTokenName: cancellationTokenName,
                Documentation: DocumentationComment.Read(
                    method,
                    argumentNames,
                    returnsValue: signature.Kind != HandlerKind.Cast,
                    cancellationTokenName,
                    cancellationToken));
        }

        private static TickModel[] ParseTicks(INamedTypeSymbol grain, GrainKnownTypes known)
        {
            var ticks = new List<TickModel>();
            foreach (IMethodSymbol method in TickRules.GetTickMethods(grain, known))
            {
                if (TickRules.Check(method, known, out HandlerReturnKind returnKind) == TickRuleViolation.None)
                {
                    ticks.Add(new TickModel(Identifiers.EscapeTypeName(method.Name), Identifiers.Escape(method.Name), method.Name, GrainRules.ComputeMethodId(method, known), returnKind));
                }
            }

            return ticks.ToArray();
        }

        /// <summary>
        /// <c>cancellationToken</c>, or when an argument already has that name the first of <c>cancellationToken1</c>,
        /// <c>cancellationToken2</c>, ... that none has.
        /// </summary>
        internal static string CancellationTokenName(IReadOnlyCollection<string> argumentNames)
        {
            const string Preferred = "cancellationToken";
            string name = Preferred;
            for (int suffix = 1; argumentNames.Contains(name, StringComparer.Ordinal); suffix++)
            {
                name = Preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        private static ContainingTypeModel ToContainingTypeModel(INamedTypeSymbol type)
        {
            string keyword = type switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            return new ContainingTypeModel(keyword, Identifiers.Escape(type.Name));
        }
    }
}
