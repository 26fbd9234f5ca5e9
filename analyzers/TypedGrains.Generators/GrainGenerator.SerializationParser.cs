using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>
    /// Turns a grain's state, request and reply types into <see cref="FormatterModel"/>s, following
    /// <see cref="SerializableTypeRules"/>. A grain with any unsupported type gets no formatters (the analyzers report it).
    /// </summary>
    internal sealed class SerializationParser
    {
        private readonly SerializableKnownTypes _known;
        private readonly Dictionary<string, FormatterModel?> _models = new(StringComparer.Ordinal);
        private readonly string _namespace;

        private SerializationParser(SerializableKnownTypes known)
        {
            _known = known;
            _namespace = GeneratedNamespaces.Formatters(known.Compilation.AssemblyName);
        }

        /// <summary>
        /// The state codec (<c>null</c> for a grain without state, whose <paramref name="state"/> is
        /// <c>null</c>) and every formatter the grain and its <paramref name="handlers"/> (checked by the caller) need; <c>(null, [])</c> when a type is not supported (the
        /// analyzers report it), and with an internal error when anything unexpected happens. Only cancellation escapes.
        /// </summary>
        public static (CodecModel? StateCodec, FormatterModel[] Formatters, InternalErrorModel? Error) Parse(
            INamedTypeSymbol grain,
            ITypeSymbol? state,
            IReadOnlyList<(IMethodSymbol Method, HandlerSignature Signature)> handlers,
            SerializableKnownTypes known,
            System.Action<string, string>? inject,
            CancellationToken cancellationToken)
        {
            try
            {
                inject?.Invoke("serialization", grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                var parser = new SerializationParser(known);
                (CodecModel? stateCodec, FormatterModel[] formatters) = parser.ParseGrain(grain, state, handlers, cancellationToken);
                return (stateCodec, formatters, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                return (null, [], InternalErrorModel.From(
                    "building the serializers of grain '" + grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "'",
                    exception,
                    "it is generated without a state codec or message formatters, so it cannot save its state or be called across processes",
                    LocationModel.Of(grain)));
            }
        }

        private (CodecModel? StateCodec, FormatterModel[] Formatters) ParseGrain(
            INamedTypeSymbol grain, ITypeSymbol? state, IReadOnlyList<(IMethodSymbol Method, HandlerSignature Signature)> handlers, CancellationToken cancellationToken)
        {

            if (state is not null && SerializableTypeRules.FindUnsupported(state, state.Name, grain, _known, cancellationToken) is not null)
            {
                return (null, []);
            }

            foreach ((IMethodSymbol method, HandlerSignature signature) in handlers)
            {
                for (int i = 0; i < method.Parameters.Length; i++)
                {
                    if (i != signature.CallerIndex
                        && SerializableTypeRules.FindUnsupported(method.Parameters[i].Type, grain.Name + "." + method.Name + "(" + method.Parameters[i].Name + ")", method, _known, cancellationToken) is not null)
                    {
                        return (null, []);
                    }
                }

                if (signature.ReplyType is { } reply
                    && SerializableTypeRules.FindUnsupported(reply, grain.Name + "." + method.Name + "(return)", method, _known, cancellationToken) is not null)
                {
                    return (null, []);
                }
            }

            CodecModel? stateCodec = state is null ? null : Resolve(state, grain);
            string grainName = grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            foreach ((IMethodSymbol method, HandlerSignature signature) in handlers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (signature.ReplyType is { } reply)
                {
                    Resolve(reply, method);
                }

                AddRequest(grain, grainName, method, signature);
            }

            FormatterModel[] formatters = _models.Values.Select(m => m!).OrderBy(m => m.ClassName, StringComparer.Ordinal).ToArray();
            return (stateCodec, formatters);
        }

        private void AddRequest(INamedTypeSymbol grain, string grainName, IMethodSymbol method, HandlerSignature signature)
        {
            string typeName = grainName + ".Requests." + Identifiers.EscapeTypeName(method.Name);
            var members = new List<FormatterMemberModel>();
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                if (i == signature.CallerIndex)
                {
                    continue;
                }

                IParameterSymbol parameter = method.Parameters[i];
                members.Add(new FormatterMemberModel(
                    Identifiers.Escape(parameter.Name),
                    members.Count,
                    GrainTypeNames.Format(parameter.Type, method, _known.Grains, forCode: false),
                    Resolve(parameter.Type, method),
                    (int)SerializableMemberAssignment.Constructor,
                    null,
                    false));
            }

            string className = grain.Name + method.Name + "RequestFormatter_" + Hash(typeName);
            _models[typeName] = new FormatterModel(_namespace, NamespaceOf(grain), FormatterKind.Object, typeName, className, true, new EquatableArray<FormatterMemberModel>(members.ToArray()), null, null);
        }

        /// <summary>How a value of <paramref name="type"/> is written and read; adds the formatters it needs.</summary>
        private CodecModel Resolve(ITypeSymbol type, ISymbol context)
        {
            string typeName = GrainTypeNames.Format(type, context, _known.Grains, forCode: false);
            SerializableKind kind = SerializableTypeRules.Classify(type, context, _known);
            switch (kind)
            {
                case SerializableKind.Primitive:
                    return Primitive(type);
                case SerializableKind.Builtin:
                    string builtin = type.SpecialType switch
                    {
                        SpecialType.System_Decimal => "Decimal",
                        SpecialType.System_DateTime => "DateTime",
                        _ => type.Name,
                    };
                    return new CodecModel(CodecKind.Builtin, builtin);
                case SerializableKind.Caller:
                    return new CodecModel(CodecKind.Caller, GrainTypeNames.Format(((INamedTypeSymbol)type).TypeArguments[0], context, _known.Grains, forCode: false));
                case SerializableKind.Enum:
                    return EnsureEnum((INamedTypeSymbol)type, typeName);
                case SerializableKind.Object:
                    return EnsureObject((INamedTypeSymbol)type, typeName);
                case SerializableKind.GrainReference:
                    return Composite(type.Name, typeName, true, new CompositeModel(CompositeKind.GrainReference, EquatableArray<string>.Empty, EquatableArray<CodecModel>.Empty));
                case SerializableKind.Unsupported:
                    throw new InvalidOperationException("Unsupported type " + typeName);
                default:
                    ITypeSymbol[] elements = SerializableTypeRules.GetElementTypes(type, kind);
                    CodecModel[] inner = elements.Select(e => Resolve(e, context)).ToArray();
                    string[] innerNames = elements.Select(e => GrainTypeNames.Format(e, context, _known.Grains, forCode: false)).ToArray();
                    CompositeKind composite = kind switch
                    {
                        SerializableKind.Nullable => CompositeKind.Nullable,
                        SerializableKind.Array => CompositeKind.Array,
                        SerializableKind.List => CompositeKind.List,
                        SerializableKind.ImmutableArray => CompositeKind.ImmutableArray,
                        SerializableKind.ImmutableList => CompositeKind.ImmutableList,
                        SerializableKind.Dictionary => CompositeKind.Dictionary,
                        _ => CompositeKind.ImmutableDictionary,
                    };
                    string prefix = kind == SerializableKind.Array ? "Array" : kind.ToString();
                    return Composite(prefix, typeName, type.IsValueType,
                        new CompositeModel(composite, new EquatableArray<string>(innerNames), new EquatableArray<CodecModel>(inner)));
            }
        }

        private CodecModel Composite(string prefix, string typeName, bool isValueType, CompositeModel composite)
        {
            string className = prefix + "Formatter_" + Hash(typeName);
            if (!_models.ContainsKey(typeName))
            {
                _models[typeName] = new FormatterModel(_namespace, FormatterEmitter.FileGroup(typeName), FormatterKind.Composite, typeName, className, isValueType, EquatableArray<FormatterMemberModel>.Empty, composite, null);
            }

            return Generated(className);
        }

        private CodecModel EnsureEnum(INamedTypeSymbol type, string typeName)
        {
            string className = type.Name + "Formatter_" + Hash(typeName);
            if (!_models.ContainsKey(typeName))
            {
                _models[typeName] = new FormatterModel(_namespace, NamespaceOf(type), FormatterKind.Enum, typeName, className, true, EquatableArray<FormatterMemberModel>.Empty, null, Primitive(type.EnumUnderlyingType!).Name);
            }

            return Generated(className);
        }

        /// <summary>The namespace a type is declared in (empty for the global one): its formatter's file.</summary>
        private static string NamespaceOf(INamedTypeSymbol type) =>
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty;

        private CodecModel Generated(string className) => new(CodecKind.Generated, _namespace + "." + className);

        private CodecModel EnsureObject(INamedTypeSymbol type, string typeName)
        {
            string className = type.Name + "Formatter_" + Hash(typeName);
            CodecModel codec = Generated(className);
            if (_models.ContainsKey(typeName))
            {
                return codec;
            }

            _models[typeName] = null;
            SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(type, _known);
            var members = new List<FormatterMemberModel>(shape.Members.Count);
            foreach (SerializableMember member in shape.Members)
            {
                members.Add(new FormatterMemberModel(
                    Identifiers.Escape(member.Symbol.Name),
                    member.Key,
                    GrainTypeNames.Format(member.Type, member.Symbol, _known.Grains, forCode: false),
                    Resolve(member.Type, member.Symbol),
                    (int)member.Assignment,
                    member.Parameter is { } parameter ? DefaultValue(parameter, member.Symbol) : null,
                    member.Type.IsValueType && member.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T,
                    member.Symbol is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }));
            }

            if (shape.Constructor is { } constructor)
            {
                // Constructor arguments are passed in parameter order, whatever their keys.
                var order = constructor.Parameters.Select(p => p.Name).ToList();
                members = members
                    .OrderBy(m => m.Assignment == (int)SerializableMemberAssignment.Constructor ? 0 : 1)
                    .ThenBy(m => m.Assignment == (int)SerializableMemberAssignment.Constructor
                        ? order.FindIndex(n => string.Equals(n, Unescape(m.Name), StringComparison.OrdinalIgnoreCase))
                        : m.Key)
                    .ToList();
            }

            _models[typeName] = new FormatterModel(_namespace, NamespaceOf(type), FormatterKind.Object, typeName, className, type.IsValueType, new EquatableArray<FormatterMemberModel>(members.ToArray()), null, null);
            return codec;
        }

        /// <summary>
        /// The value a missing member takes: the constructor parameter's default, written by the one
        /// <see cref="DefaultValueLiteral"/> that handler defaults use too; <c>null</c> (<c>default</c>) when it has none
        /// or it is <c>null</c>.
        /// </summary>
        private string? DefaultValue(IParameterSymbol parameter, ISymbol member) =>
            parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null
                ? DefaultValueLiteral.Format(parameter, member, _known.Grains)
                : null;

        private static CodecModel Primitive(ITypeSymbol type) => new(CodecKind.Primitive, type.SpecialType switch
        {
            SpecialType.System_Boolean => "Boolean",
            SpecialType.System_Byte => "Byte",
            SpecialType.System_SByte => "SByte",
            SpecialType.System_Int16 => "Int16",
            SpecialType.System_UInt16 => "UInt16",
            SpecialType.System_Int32 => "Int32",
            SpecialType.System_UInt32 => "UInt32",
            SpecialType.System_Int64 => "Int64",
            SpecialType.System_UInt64 => "UInt64",
            SpecialType.System_Single => "Single",
            SpecialType.System_Double => "Double",
            SpecialType.System_String => "String",
            _ => "ByteArray",
        });

        private static string Unescape(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;

        private static string Hash(string typeName) => Fnv1a.Hash32(typeName).ToString("X8", CultureInfo.InvariantCulture);
    }
}
