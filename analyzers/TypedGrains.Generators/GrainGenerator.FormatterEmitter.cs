using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>Turns <see cref="FormatterModel"/>s into formatter classes and their registration.</summary>
    internal static class FormatterEmitter
    {
        private const string Serialization = "global::TypedGrains.Serialization";
        private const string Writer = Serialization + ".MessagePackWriter";
        private const string Reader = Serialization + ".MessagePackReader";

        /// <summary>
        /// The formatters in files, one a <see cref="FormatterModel.File"/> (the formatted types' namespace), ordered by
        /// hint name. Hint names are compared ignoring case, so namespaces that differ only in case share a file.
        /// </summary>
        public static IEnumerable<(string HintName, IReadOnlyList<FormatterModel> Formatters)> Files(EquatableArray<FormatterModel> formatters) =>
            formatters
                .GroupBy(static f => f.File, StringComparer.OrdinalIgnoreCase)
                .Select(static g => (HintName(g.Select(static f => f.File).OrderBy(static n => n, StringComparer.Ordinal).First()), (IReadOnlyList<FormatterModel>)g.ToArray()))
                .OrderBy(static file => file.Item1, StringComparer.Ordinal);

        /// <summary>The hint name of the formatters of <paramref name="group"/>, a namespace (empty for the global one).</summary>
        public static string HintName(string group) => group.Length == 0 ? "TypedGrains.MessagePack.Formatters.g.cs" : "TypedGrains.MessagePack.Formatters." + group + ".g.cs";

        /// <summary>The file of a composite's formatter: the name before the last dot of <paramref name="typeName"/>, without <c>global::</c> and type arguments.</summary>
        internal static string FileGroup(string typeName)
        {
            const string Global = "global::";
            string name = typeName.StartsWith(Global, StringComparison.Ordinal) ? typeName.Substring(Global.Length) : typeName;
            int end = name.IndexOfAny(['<', '[', '(', ' ']);
            name = end < 0 ? name : name.Substring(0, end);
            int dot = name.LastIndexOf('.');
            return dot < 0 ? string.Empty : name.Substring(0, dot);
        }

        /// <summary>The hint name of the registration file.</summary>
        public const string RegistrationHintName = "TypedGrains.MessagePack.Registrations.g.cs";

        /// <summary>Writes the file of <paramref name="formatters"/> (all in one namespace), calling <paramref name="before"/> before each.</summary>
        public static string EmitFile(IReadOnlyList<FormatterModel> formatters, Action<FormatterModel> before)
        {
            SourceWriter writer = OpenFile(formatters[0].Namespace);
            for (int i = 0; i < formatters.Count; i++)
            {
                before(formatters[i]);
                if (i > 0)
                {
                    writer.WriteLine();
                }

                WriteFormatter(writer, formatters[i]);
            }

            writer.CloseBlock();
            return writer.ToString();
        }

        private static void WriteFormatter(SourceWriter writer, FormatterModel formatter)
        {
            switch (formatter.Kind)
            {
                case FormatterKind.Composite:
                    writer.WriteLine("/// <summary>The MessagePack formatter of <c>" + Escape(formatter.TypeName) + "</c>.</summary>");
                    writer.WriteLine(Emitter.GeneratedCode);
                    writer.OpenBlock("internal static class " + formatter.ClassName);
                    writer.WriteLine("public static readonly " + Serialization + ".IMessagePackFormatter<" + formatter.TypeName + "> Instance =");
                    writer.WriteLine("    " + CodecEmitter.Composite(formatter.Composite!, formatter.TypeName) + ";");
                    writer.CloseBlock();
                    break;
                case FormatterKind.Enum:
                    OpenFormatterClass(writer, formatter);
                    string write = CodecEmitter.WriteMethod(formatter.EnumUnderlying!);
                    string cast = write switch
                    {
                        "WriteInt32" => "int",
                        "WriteUInt32" => "uint",
                        "WriteUInt64" => "ulong",
                        _ => "long",
                    };
                    writer.WriteLine("public void Serialize(ref " + Writer + " writer, " + formatter.TypeName + " value) => writer." + write + "((" + cast + ")value);");
                    writer.WriteLine();
                    writer.WriteLine("public " + formatter.TypeName + " Deserialize(ref " + Reader + " reader) => (" + formatter.TypeName + ")reader." + CodecEmitter.ReadMethod(formatter.EnumUnderlying!) + "();");
                    writer.CloseBlock();
                    break;
                default:
                    OpenFormatterClass(writer, formatter);
                    WriteSerialize(writer, formatter);
                    writer.WriteLine();
                    WriteDeserialize(writer, formatter);
                    writer.CloseBlock();
                    break;
            }
        }

        /// <summary>Writes the module initializer that registers every formatter with <c>MessagePackFormatters</c>.</summary>
        public static string EmitRegistrations(EquatableArray<FormatterModel> formatters)
        {
            SourceWriter writer = OpenFile(formatters[0].Namespace);
            writer.WriteLine("/// <summary>Registers the generated MessagePack formatters of this assembly when it loads.</summary>");
            writer.WriteLine(Emitter.GeneratedCode);
            writer.OpenBlock("internal static class GeneratedFormatterRegistrations");
            writer.WriteLine("#pragma warning disable CA2255 // The generated formatters must be known before any message is read.");
            writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            writer.WriteLine("#pragma warning restore CA2255");
            writer.OpenBlock("internal static void Register()");
            foreach (FormatterModel formatter in formatters)
            {
                writer.WriteLine(Serialization + ".MessagePackFormatters.Register<" + formatter.TypeName + ">(" + formatter.ClassName + ".Instance);");
            }

            writer.CloseBlock();
            writer.CloseBlock();
            writer.CloseBlock();
            return writer.ToString();
        }

        private static SourceWriter OpenFile(string ns)
        {
            var writer = new SourceWriter();
            writer.WriteLine("// <auto-generated/>");
            writer.WriteLine("#nullable disable");
            writer.WriteLine("#pragma warning disable CS0612, CS0618 // Obsolete members are still stored.");
            writer.WriteLine();
            writer.OpenBlock("namespace " + ns);
            return writer;
        }

        private static void OpenFormatterClass(SourceWriter writer, FormatterModel formatter)
        {
            writer.WriteLine("/// <summary>The MessagePack formatter of <c>" + Escape(formatter.TypeName) + "</c>.</summary>");
            writer.WriteLine(Emitter.GeneratedCode);
            writer.OpenBlock("internal sealed class " + formatter.ClassName + " : " + Serialization + ".IMessagePackFormatter<" + formatter.TypeName + ">");
            writer.WriteLine("public static readonly " + formatter.ClassName + " Instance = new " + formatter.ClassName + "();");
            writer.WriteLine();
            writer.OpenBlock("private " + formatter.ClassName + "()");
            writer.CloseBlock();
            writer.WriteLine();
        }

        private static void WriteSerialize(SourceWriter writer, FormatterModel formatter)
        {
            FormatterMemberModel[] members = formatter.Members.OrderBy(m => m.Key).ToArray();
            int length = members.Length == 0 ? 0 : members[members.Length - 1].Key + 1;
            writer.OpenBlock("public void Serialize(ref " + Writer + " writer, " + formatter.TypeName + " value)");
            if (!formatter.IsValueType)
            {
                writer.OpenBlock("if (value is null)");
                writer.WriteLine("writer.WriteNil();");
                writer.WriteLine("return;");
                writer.CloseBlock();
                writer.WriteLine();
            }

            writer.WriteLine("writer.WriteArrayHeader(" + length.ToString(CultureInfo.InvariantCulture) + ");");
            writer.WriteLine("writer.IncreaseDepth();");
            int next = 0;
            foreach (FormatterMemberModel member in members)
            {
                for (; next < member.Key; next++)
                {
                    writer.WriteLine("writer.WriteNil();");
                }

                next++;
                string access = "value." + member.Name;
                writer.WriteLine(CodecEmitter.WriteMethod(member.Codec) is { } method
                    ? "writer." + method + "(" + access + ");"
                    : CodecEmitter.Formatter(member.Codec) + ".Serialize(ref writer, " + access + ");");
            }

            writer.WriteLine("writer.DecreaseDepth();");
            writer.CloseBlock();
        }

        private static void WriteDeserialize(SourceWriter writer, FormatterModel formatter)
        {
            writer.OpenBlock("public " + formatter.TypeName + " Deserialize(ref " + Reader + " reader)");
            writer.OpenBlock("if (reader.TryReadNil())");
            writer.WriteLine("return default;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("int count = reader.ReadArrayHeader();");
            writer.WriteLine("reader.IncreaseDepth();");
            foreach (FormatterMemberModel member in formatter.Members)
            {
                writer.WriteLine(member.TypeName + " " + Local(member) + " = " + (member.DefaultValue ?? "default") + ";");
                if (KeepsInitializer(member))
                {
                    writer.WriteLine("bool " + Present(member) + " = false;");
                }
            }

            writer.OpenBlock("for (int i = 0; i < count; i++)");
            writer.OpenBlock("switch (i)");
            foreach (FormatterMemberModel member in formatter.Members.OrderBy(m => m.Key))
            {
                string read = Local(member) + " = " + (CodecEmitter.ReadMethod(member.Codec) is { } method
                    ? "reader." + method + "()"
                    : CodecEmitter.Formatter(member.Codec) + ".Deserialize(ref reader)") + ";";
                writer.WriteLine("case " + member.Key.ToString(CultureInfo.InvariantCulture) + ":");
                writer.Indentation++;
                if (member.NilIsMissing)
                {
                    writer.OpenBlock("if (!reader.TryReadNil())");
                    WriteRead(writer, member, read);
                    writer.CloseBlock();
                }
                else
                {
                    WriteRead(writer, member, read);
                }

                writer.WriteLine("break;");
                writer.Indentation--;
            }

            writer.WriteLine("default:");
            writer.WriteLine("    reader.Skip();");
            writer.WriteLine("    break;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("reader.DecreaseDepth();");
            WriteCreation(writer, formatter);
            writer.CloseBlock();
        }

        // A member read (and marked present when it keeps its initializer while missing).
        private static void WriteRead(SourceWriter writer, FormatterMemberModel member, string read)
        {
            writer.WriteLine(read);
            if (KeepsInitializer(member))
            {
                writer.WriteLine(Present(member) + " = true;");
            }
        }

        // Constructs the object so that its initializers run, then gives it only the members the data held. An
        // init-only member can only be set in the object initializer, so when one is missing a first instance,
        // constructed the same way, supplies its initializer's value.
        private static void WriteCreation(SourceWriter writer, FormatterModel formatter)
        {
            string arguments = string.Join(", ", formatter.Members
                .Where(m => m.Assignment == (int)SerializableMemberAssignment.Constructor)
                .Select(Local));
            FormatterMemberModel[] initialized = formatter.Members.Where(m => m.Assignment == (int)SerializableMemberAssignment.Initializer).ToArray();
            FormatterMemberModel[] required = initialized.Where(m => m.IsRequired).ToArray();
            FormatterMemberModel[] optional = initialized.Where(m => !m.IsRequired).ToArray();
            FormatterMemberModel[] set = formatter.Members.Where(m => m.Assignment == (int)SerializableMemberAssignment.Setter).ToArray();
            string construction = "new " + formatter.TypeName + "(" + arguments + ")";
            if (optional.Length > 0)
            {
                writer.WriteLine(formatter.TypeName + " initial = " + string.Join(" && ", optional.Select(Present))
                    + " ? default : " + construction + Initializer(required.Select(m => m.Name + " = " + Local(m))) + ";");
            }

            string creation = construction + Initializer(required.Select(m => m.Name + " = " + Local(m))
                .Concat(optional.Select(m => m.Name + " = " + Present(m) + " ? " + Local(m) + " : initial." + m.Name)));
            if (set.Length == 0)
            {
                writer.WriteLine("return " + creation + ";");
                return;
            }

            writer.WriteLine(formatter.TypeName + " result = " + creation + ";");
            foreach (FormatterMemberModel member in set)
            {
                writer.OpenBlock("if (" + Present(member) + ")");
                writer.WriteLine("result." + member.Name + " = " + Local(member) + ";");
                writer.CloseBlock();
            }

            writer.WriteLine();
            writer.WriteLine("return result;");
        }

        private static string Initializer(System.Collections.Generic.IEnumerable<string> assignments)
        {
            string joined = string.Join(", ", assignments);
            return joined.Length == 0 ? string.Empty : " { " + joined + " }";
        }

        // Members missing from the data keep the value their initializer gave them: setters and non-required init-only members.
        private static bool KeepsInitializer(FormatterMemberModel member) =>
            member.Assignment == (int)SerializableMemberAssignment.Setter
            || (member.Assignment == (int)SerializableMemberAssignment.Initializer && !member.IsRequired);

        private static string Present(FormatterMemberModel member) => "h" + member.Key.ToString(CultureInfo.InvariantCulture);

        private static string Local(FormatterMemberModel member) => "m" + member.Key.ToString(CultureInfo.InvariantCulture);

        private static string Escape(string typeName) => typeName.Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
