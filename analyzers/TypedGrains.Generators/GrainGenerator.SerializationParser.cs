using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        /// <summary>The namespace of the generated formatter classes, followed by the assembly name as an identifier.</summary>
        public const string FormattersNamespacePrefix = "TypedGrains.Generated.MessagePack.";

        private const string Formatters = "global::TypedGrains.Serialization.Formatters";
        private const string Messaging = "global::TypedGrains.Messaging";

        private readonly SerializableKnownTypes _known;
        private readonly Dictionary<string, FormatterModel?> _models = new(StringComparer.Ordinal);
        private readonly string _namespace;

        private SerializationParser(SerializableKnownTypes known)
        {
            _known = known;
            _namespace = FormattersNamespace(known.Compilation.AssemblyName);
        }

        /// <summary>
        /// The namespace of the formatters of one assembly. It is assembly-specific so that two assemblies that see
        /// each other's internals (InternalsVisibleTo) never declare the same generated type.
        /// </summary>
        public static string FormattersNamespace(string? assemblyName) => GeneratedNamespace(FormattersNamespacePrefix, assemblyName);

        /// <summary><paramref name="prefix"/> followed by the assembly name as an identifier (<c>Assembly</c> when it has none).</summary>
        public static string GeneratedNamespace(string prefix, string? assemblyName)
        {
            var builder = new System.Text.StringBuilder(prefix);
            string name = string.IsNullOrEmpty(assemblyName) ? "Assembly" : assemblyName!;
            if (!char.IsLetter(name[0]) && name[0] != '_')
            {
                builder.Append('_');
            }

            foreach (char c in name)
            {
                builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
            }

            return builder.ToString();
        }

        /// <summary>
        /// The state formatter expression (<c>null</c> for a grain without state, whose <paramref name="state"/> is
        /// <c>null</c>) and every formatter the grain needs; <c>(null, [])</c> when a type is not supported (the
        /// analyzers report it), and with an internal error when anything unexpected happens. Only cancellation escapes.
        /// </summary>
        public static (string? StateFormatter, FormatterModel[] Formatters, InternalErrorModel? Error) Parse(
            INamedTypeSymbol grain, ITypeSymbol? state, GrainKnownTypes grainKnown, System.Action<string, string>? inject, CancellationToken cancellationToken)
        {
            try
            {
                inject?.Invoke("serialization", grain.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                var known = SerializableKnownTypes.Create(grainKnown);
                var parser = new SerializationParser(known);
                (string? stateFormatter, FormatterModel[] formatters) = parser.ParseGrain(grain, state, cancellationToken);
                return (stateFormatter, formatters, null);
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

        private (string? StateFormatter, FormatterModel[] Formatters) ParseGrain(INamedTypeSymbol grain, ITypeSymbol? state, CancellationToken cancellationToken)
        {
            var handlers = new List<(IMethodSymbol Method, HandlerSignature Signature)>();
            foreach (IMethodSymbol method in GrainRules.GetHandlerMethods(grain, _known.Grains))
            {
                GrainRules.CheckHandler(method, GeneratedReferences.NameOf(grain), _known.Grains, out HandlerSignature signature);
                handlers.Add((method, signature));
            }

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

            string? stateFormatter = state is null ? null : Resolve(state, grain).Formatter;
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
            return (stateFormatter, formatters);
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
            _models[typeName] = new FormatterModel(_namespace, FormatterKind.Object, typeName, className, true, new EquatableArray<FormatterMemberModel>(members.ToArray()), null, null);
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
                    return new CodecModel(null, null, Formatters + "." + builtin + "Formatter.Instance");
                case SerializableKind.Caller:
                    string reply = GrainTypeNames.Format(((INamedTypeSymbol)type).TypeArguments[0], context, _known.Grains, forCode: false);
                    return new CodecModel(null, null, Messaging + ".CallerFormatter<" + reply + ">.Instance");
                case SerializableKind.Enum:
                    return EnsureEnum((INamedTypeSymbol)type, typeName);
                case SerializableKind.Object:
                    return EnsureObject((INamedTypeSymbol)type, typeName);
                case SerializableKind.GrainReference:
                    return Composite(type.Name, typeName, true,
                        "new " + Messaging + ".GrainReferenceFormatter<" + typeName + ">(static (runtime, id) => new " + typeName + "(runtime, id))");
                case SerializableKind.Unsupported:
                    throw new InvalidOperationException("Unsupported type " + typeName);
                default:
                    ITypeSymbol[] elements = SerializableTypeRules.GetElementTypes(type, kind);
                    string[] inner = elements.Select(e => Resolve(e, context).Formatter).ToArray();
                    string[] innerNames = elements.Select(e => GrainTypeNames.Format(e, context, _known.Grains, forCode: false)).ToArray();
                    string generic = kind switch
                    {
                        SerializableKind.Nullable => "NullableFormatter",
                        SerializableKind.Array => "ArrayFormatter",
                        SerializableKind.List => "ListFormatter",
                        SerializableKind.ImmutableArray => "ImmutableArrayFormatter",
                        SerializableKind.ImmutableList => "ImmutableListFormatter",
                        SerializableKind.Dictionary => "DictionaryFormatter",
                        _ => "ImmutableDictionaryFormatter",
                    };
                    string prefix = kind == SerializableKind.Array ? "Array" : kind.ToString();
                    return Composite(prefix, typeName, type.IsValueType,
                        "new " + Formatters + "." + generic + "<" + string.Join(", ", innerNames) + ">(" + string.Join(", ", inner) + ")");
            }
        }

        private CodecModel Composite(string prefix, string typeName, bool isValueType, string expression)
        {
            string className = prefix + "Formatter_" + Hash(typeName);
            if (!_models.ContainsKey(typeName))
            {
                _models[typeName] = new FormatterModel(_namespace, FormatterKind.Composite, typeName, className, isValueType, EquatableArray<FormatterMemberModel>.Empty, expression, null);
            }

            return new CodecModel(null, null, "global::" + _namespace + "." + className + ".Instance");
        }

        private CodecModel EnsureEnum(INamedTypeSymbol type, string typeName)
        {
            string className = type.Name + "Formatter_" + Hash(typeName);
            if (!_models.ContainsKey(typeName))
            {
                CodecModel underlying = Primitive(type.EnumUnderlyingType!);
                _models[typeName] = new FormatterModel(_namespace, FormatterKind.Enum, typeName, className, true, EquatableArray<FormatterMemberModel>.Empty, underlying.WriteMethod, underlying.ReadMethod);
            }

            return new CodecModel(null, null, "global::" + _namespace + "." + className + ".Instance");
        }

        private CodecModel EnsureObject(INamedTypeSymbol type, string typeName)
        {
            string className = type.Name + "Formatter_" + Hash(typeName);
            var codec = new CodecModel(null, null, "global::" + _namespace + "." + className + ".Instance");
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
                    member.Type.IsValueType && member.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T));
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

            _models[typeName] = new FormatterModel(_namespace, FormatterKind.Object, typeName, className, type.IsValueType, new EquatableArray<FormatterMemberModel>(members.ToArray()), null, null);
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

        private static CodecModel Primitive(ITypeSymbol type)
        {
            (string write, string read, string formatter) = type.SpecialType switch
            {
                SpecialType.System_Boolean => ("WriteBoolean", "ReadBoolean", "Boolean"),
                SpecialType.System_Byte => ("WriteUInt32", "ReadByte", "Byte"),
                SpecialType.System_SByte => ("WriteInt32", "ReadSByte", "SByte"),
                SpecialType.System_Int16 => ("WriteInt32", "ReadInt16", "Int16"),
                SpecialType.System_UInt16 => ("WriteUInt32", "ReadUInt16", "UInt16"),
                SpecialType.System_Int32 => ("WriteInt32", "ReadInt32", "Int32"),
                SpecialType.System_UInt32 => ("WriteUInt32", "ReadUInt32", "UInt32"),
                SpecialType.System_Int64 => ("WriteInt64", "ReadInt64", "Int64"),
                SpecialType.System_UInt64 => ("WriteUInt64", "ReadUInt64", "UInt64"),
                SpecialType.System_Single => ("WriteSingle", "ReadSingle", "Single"),
                SpecialType.System_Double => ("WriteDouble", "ReadDouble", "Double"),
                SpecialType.System_String => ("WriteString", "ReadString", "String"),
                _ => ("WriteBinary", "ReadBytes", "ByteArray"),
            };
            return new CodecModel(write, read, Formatters + "." + formatter + "Formatter.Instance");
        }

        private static string Unescape(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;

        private static string Hash(string typeName) => Fnv1a.Hash32(typeName).ToString("X8", CultureInfo.InvariantCulture);
    }
}
