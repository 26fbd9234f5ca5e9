using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>The grain's generated definition: its factory, state codec and dispatcher from method ids to typed requests.</summary>
    internal static partial class Emitter
    {
        private static void WriteCreate(SourceWriter writer, GrainModel grain)
        {
            string self = grain.FullyQualifiedName;
            if (grain.ServiceParameters.IsEmpty)
            {
                writer.WriteLine("public override " + self + " Create() => new " + self + "();");
                return;
            }

            var arguments = new List<string>();
            var dependencies = new List<string>();
            foreach (ServiceParameterModel parameter in grain.ServiceParameters)
            {
                string name = SymbolDisplay.FormatLiteral(parameter.Name, quote: true);
                arguments.Add(!parameter.IsOptional
                    ? "ResolveService<" + parameter.Type + ">(services, " + name + ")"
                    : parameter.DefaultValue is { } fallback and not "null" and not "default"
                        ? "ResolveOptionalService<" + parameter.Type + ">(services, " + fallback + ")"
                        : "ResolveOptionalService<" + parameter.Type + ">(services)");
                dependencies.Add("new " + Abstractions + ".GrainDependency(typeof(" + parameter.Type + "), " + name + ", " + (parameter.IsOptional ? "true" : "false") + ")");
            }

            writer.WriteLine("public override " + self + " Create() => throw NeedsServices();");
            writer.WriteLine();
            writer.WriteLine("public override " + self + " Create(global::System.IServiceProvider services) => new " + self + "(" + string.Join(", ", arguments) + ");");
            writer.WriteLine();
            writer.WriteLine("private static readonly " + Abstractions + ".GrainDependency[] GeneratedDependencies = { " + string.Join(", ", dependencies) + " };");
            writer.WriteLine();
            writer.WriteLine("public override global::System.Collections.Generic.IReadOnlyList<" + Abstractions + ".GrainDependency> Dependencies => GeneratedDependencies;");
        }

        private static void WriteDefinition(SourceWriter writer, GrainModel grain)
        {
            string self = grain.FullyQualifiedName;
            writer.WriteLine(GeneratedCodeAttribute);
            writer.OpenBlock("private sealed class GeneratedDefinition : " + Abstractions + ".GrainDefinition<" + self + ">");
            writer.WriteLine("public static readonly GeneratedDefinition Instance = new GeneratedDefinition();");
            writer.WriteLine();
            writer.WriteLine("private GeneratedDefinition()");
            writer.WriteLine("    : base("
                + SymbolDisplay.FormatLiteral(grain.GrainTypeName, quote: true) + ", "
                + KeyKindExpression(grain.KeyKind) + ", "
                + PlacementExpression(grain.Placement) + ", "
                + (grain.Provider is null ? "null" : SymbolDisplay.FormatLiteral(grain.Provider, quote: true)) + ")");
            writer.OpenBlock();
            writer.CloseBlock();
            writer.WriteLine();
            WriteCreate(writer, grain);
            writer.WriteLine();
            writer.WriteLine("public override " + ValueTask + " DispatchAsync(" + Abstractions + ".IGrainRuntime runtime, " + Abstractions + ".GrainId grain, uint methodId, "
                + "global::System.Buffers.ReadOnlySequence<byte> arguments, global::System.Buffers.IBufferWriter<byte> reply, " + CancellationToken + " cancellationToken)");
            writer.WriteLine("    => " + Abstractions + ".Backend.GrainRequestDispatcher.DispatchAsync<" + self + ">(runtime, grain, methodId, arguments, reply, cancellationToken);");
            if (grain.StateTypeName is null)
            {
                writer.WriteLine();
                writer.WriteLine("public override bool HasState => false;");
            }

            if (grain.RunsSynchronously)
            {
                writer.WriteLine();
                writer.WriteLine("public override bool RunsSynchronously => true;");
            }

            if (grain.StateCodec is { } stateCodec)
            {
                writer.WriteLine();
                writer.WriteLine("#nullable disable");
                writer.WriteLine("private static readonly global::TypedGrains.Persistence.IStateCodec GeneratedStateCodec =");
                writer.WriteLine("    new global::TypedGrains.Messaging.MessagePackStateCodec<" + grain.StateTypeName + ">(" + CodecEmitter.Formatter(stateCodec) + ");");
                writer.WriteLine("#nullable restore");
                writer.WriteLine();
                writer.WriteLine("public override global::TypedGrains.Persistence.IStateCodec StateCodec => GeneratedStateCodec;");
            }
            writer.WriteLine();
            writer.OpenBlock("public override void Dispatch<TVisitor>(uint methodId, " + Abstractions + ".IArgumentReader arguments, ref TVisitor visitor)");
            if (grain.Handlers.IsEmpty && grain.Ticks.IsEmpty)
            {
                writer.WriteLine("throw UnknownMethod(methodId);");
            }
            else
            {
                writer.OpenBlock("switch (methodId)");
                foreach (HandlerModel handler in grain.Handlers)
                {
                    string request = RequestType(grain, handler);
                    string visit = handler.Kind switch
                    {
                        HandlerKind.Call => "visitor.Call<" + request + ", " + handler.ReplyType + ">",
                        HandlerKind.CallVoid => "visitor.CallVoid<" + request + ">",
                        HandlerKind.CallDeferred => "visitor.CallDeferred<" + request + ", " + handler.ReplyType + ">",
                        _ => "visitor.Cast<" + request + ">",
                    };
                    string reads = string.Join(", ", MessageArguments(handler).Select(a => "arguments.Read<" + a.Type + ">()"));
                    writer.WriteLine("case " + MethodIdLiteral(handler.MethodId) + ":");
                    writer.WriteLine("    " + visit + "(new " + request + "(" + reads + "));");
                    writer.WriteLine("    return;");
                }

                TickEmitter.WriteDispatchCases(writer, grain);
                writer.WriteLine("default:");
                writer.WriteLine("    throw UnknownMethod(methodId);");
                writer.CloseBlock();
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }
    }
}
