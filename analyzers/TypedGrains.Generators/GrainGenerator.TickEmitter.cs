using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>Writes a grain's <c>Ticks</c> class (a typed token and a request per tick handler) and their dispatch cases.</summary>
    internal static class TickEmitter
    {
        private const string Abstractions = "global::TypedGrains";
        private const string ValueTask = "global::System.Threading.Tasks.ValueTask";

        /// <summary>Writes the nested <c>Ticks</c> class.</summary>
        public static void WriteTicks(SourceWriter writer, GrainModel grain)
        {
            string self = grain.FullyQualifiedName;
            writer.WriteLine("/// <summary>Typed tokens of <see cref=\"" + self + "\"/>'s tick handlers, for timers and reminders.</summary>");
            writer.WriteLine(Emitter.GeneratedCode);
            writer.OpenBlock("private static class Ticks");
            foreach (TickModel tick in grain.Ticks)
            {
                writer.WriteLine("/// <summary>The tick handler <c>" + tick.MethodName + "</c>.</summary>");
                writer.WriteLine("public static readonly " + Abstractions + ".TickHandler<" + self + "> " + tick.PropertyName
                    + " = new " + Abstractions + ".TickHandler<" + self + ", " + RequestType(grain, tick) + ">();");
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>The request messages of the tick handlers.</summary>");
            writer.OpenBlock("public static class Requests");
            for (int i = 0; i < grain.Ticks.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                WriteRequest(writer, grain, grain.Ticks[i]);
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }

        /// <summary>Writes one <c>case</c> per tick handler of the definition's dispatch switch.</summary>
        public static void WriteDispatchCases(SourceWriter writer, GrainModel grain)
        {
            foreach (TickModel tick in grain.Ticks)
            {
                string request = RequestType(grain, tick);
                writer.WriteLine("case " + Emitter.MethodIdLiteral(tick.MethodId) + ":");
                writer.WriteLine("    visitor.CallVoid<" + request + ">(new " + request + "());");
                writer.WriteLine("    return;");
            }
        }

        private static void WriteRequest(SourceWriter writer, GrainModel grain, TickModel tick)
        {
            string self = grain.FullyQualifiedName;
            writer.WriteLine("/// <summary>The request message of the tick handler <c>" + tick.MethodName + "</c>.</summary>");
            writer.OpenBlock("public readonly struct " + tick.Name + " : " + Abstractions + ".IGrainRequest<" + self + ">");
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public static uint MethodId => " + Emitter.MethodIdLiteral(tick.MethodId) + ";");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public static string MethodName => " + SymbolDisplay.FormatLiteral(tick.MethodName, quote: true) + ";");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            string signature = "public " + ValueTask + " InvokeAsync(" + self + " grain)";
            string call = "grain." + tick.PropertyName + "()";
            switch (tick.Return)
            {
                case HandlerReturnKind.Void:
                    writer.OpenBlock(signature);
                    writer.WriteLine(call + ";");
                    writer.WriteLine("return default;");
                    writer.CloseBlock();
                    break;
                case HandlerReturnKind.ValueTask:
                    writer.WriteLine(signature);
                    writer.WriteLine("    => " + call + ";");
                    break;
                default:
                    writer.WriteLine(signature);
                    writer.WriteLine("    => new " + ValueTask + "(" + call + ");");
                    break;
            }

            writer.CloseBlock();
        }

        private static string RequestType(GrainModel grain, TickModel tick) =>
            grain.FullyQualifiedName + ".Ticks.Requests." + tick.Name;
    }
}
