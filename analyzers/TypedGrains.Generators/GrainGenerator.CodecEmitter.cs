using System.Linq;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>Writes the C# of a <see cref="CodecModel"/> and a <see cref="CompositeModel"/>: formatter expressions and direct writer and reader calls.</summary>
    internal static class CodecEmitter
    {
        private const string Formatters = "global::TypedGrains.Serialization.Formatters";
        private const string Messaging = "global::TypedGrains.Messaging";

        /// <summary>The formatter instance of <paramref name="codec"/>.</summary>
        public static string Formatter(CodecModel codec) => codec.Kind switch
        {
            CodecKind.Caller => Messaging + ".CallerFormatter<" + codec.Name + ">.Instance",
            CodecKind.Generated => "global::" + codec.Name + ".Instance",
            _ => Formatters + "." + codec.Name + "Formatter.Instance",
        };

        /// <summary>The <c>MessagePackWriter</c> method that writes a primitive directly, or <c>null</c> when a formatter does.</summary>
        public static string? WriteMethod(CodecModel codec) => codec.Kind == CodecKind.Primitive ? WriteMethod(codec.Name) : null;

        /// <summary>The <c>MessagePackReader</c> method that reads a primitive directly, or <c>null</c> when a formatter does.</summary>
        public static string? ReadMethod(CodecModel codec) => codec.Kind == CodecKind.Primitive ? ReadMethod(codec.Name) : null;

        /// <summary>The writer method of the primitive <paramref name="primitive"/> (a <see cref="CodecKind.Primitive"/> name).</summary>
        public static string WriteMethod(string primitive) => primitive switch
        {
            "Byte" or "UInt16" => "WriteUInt32",
            "SByte" or "Int16" => "WriteInt32",
            "ByteArray" => "WriteBinary",
            _ => "Write" + primitive,
        };

        /// <summary>The reader method of the primitive <paramref name="primitive"/>.</summary>
        public static string ReadMethod(string primitive) => primitive == "ByteArray" ? "ReadBytes" : "Read" + primitive;

        /// <summary>The composed library formatter of a composite formatter class formatting <paramref name="typeName"/>.</summary>
        public static string Composite(CompositeModel composite, string typeName)
        {
            if (composite.Kind == CompositeKind.GrainReference)
            {
                return "new " + Messaging + ".GrainReferenceFormatter<" + typeName + ">(static (runtime, id) => new " + typeName + "(runtime, id))";
            }

            return "new " + Formatters + "." + composite.Kind + "Formatter<" + string.Join(", ", composite.ElementTypes) + ">("
                + string.Join(", ", composite.Elements.Select(Formatter)) + ")";
        }
    }
}
