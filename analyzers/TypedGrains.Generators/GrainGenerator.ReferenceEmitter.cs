using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>The typed reference struct users call, its factory extension, and the handler docs both carry.</summary>
    internal static partial class Emitter
    {
        private static void WriteReference(SourceWriter writer, GrainModel grain)
        {
            string self = grain.FullyQualifiedName;
            string reference = grain.RefFullyQualifiedName;
            writer.WriteLine("/// <summary>Typed reference to a <see cref=\"" + self + "\"/> grain.</summary>");
            writer.WriteLine(GeneratedCodeAttribute);
            writer.OpenBlock(TypeAccessibility(grain) + " readonly struct " + grain.RefName + " : " + Abstractions + ".IGrainReference, global::System.IEquatable<" + reference + ">");
            writer.WriteLine("private readonly " + Abstractions + ".IGrainRuntime? _runtime;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates a reference to the grain <paramref name=\"id\"/> that sends its messages to <paramref name=\"runtime\"/>.</summary>");
            writer.OpenBlock("public " + grain.RefName + "(" + Abstractions + ".IGrainRuntime runtime, " + Abstractions + ".GrainId id)");
            writer.WriteLine("_runtime = runtime;");
            writer.WriteLine("Id = id;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <summary>The grain this reference names.</summary>");
            writer.WriteLine("public " + Abstractions + ".GrainId Id { get; }");
            writer.WriteLine();
            writer.WriteLine("private " + Abstractions + ".IGrainRuntime Runtime => _runtime ?? throw new " + Abstractions + ".UnboundReferenceException(Id);");

            foreach (HandlerModel handler in grain.Handlers)
            {
                string request = RequestType(grain, handler);
                writer.WriteLine();
                WriteDocumentation(writer, handler);
                string parameters = ParameterListWithDefaults(MessageArguments(handler));
                string newRequest = NewRequest(request, handler);
                if (handler.CancellationTokenName is { } token)
                {
                    parameters += (parameters.Length > 0 ? ", " : string.Empty) + CancellationToken + " " + token + " = default";
                    newRequest += ", " + token;
                }

                switch (handler.Kind)
                {
                    case HandlerKind.Call:
                        writer.WriteLine(Accessibility(handler) + " " + ValueTask + "<" + handler.ReplyType + "> " + handler.Name + "(" + parameters + ")");
                        writer.WriteLine("    => this.Runtime.CallAsync<" + self + ", " + request + ", " + handler.ReplyType + ">(this.Id, " + newRequest + ");");
                        break;
                    case HandlerKind.CallVoid:
                        writer.WriteLine(Accessibility(handler) + " " + ValueTask + " " + handler.Name + "(" + parameters + ")");
                        writer.WriteLine("    => this.Runtime.CallAsync<" + self + ", " + request + ">(this.Id, " + newRequest + ");");
                        break;
                    case HandlerKind.CallDeferred:
                        writer.WriteLine(Accessibility(handler) + " " + ValueTask + "<" + handler.ReplyType + "> " + handler.Name + "(" + parameters + ")");
                        writer.WriteLine("    => this.Runtime.CallDeferredAsync<" + self + ", " + request + ", " + handler.ReplyType + ">(this.Id, " + newRequest + ");");
                        break;
                    default:
                        writer.WriteLine(Accessibility(handler) + " void " + handler.Name + "(" + parameters + ")");
                        writer.WriteLine("    => this.Runtime.Cast<" + self + ", " + request + ">(this.Id, " + newRequest + ");");
                        break;
                }
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether <paramref name=\"other\"/> names the same grain.</summary>");
            writer.WriteLine("public bool Equals(" + reference + " other) => Id.Equals(other.Id);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override bool Equals(object? obj) => obj is " + reference + " other && Equals(other);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override int GetHashCode() => Id.GetHashCode();");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The grain id as text.</summary>");
            writer.WriteLine("public override string ToString() => Id.ToString();");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether two references name the same grain.</summary>");
            writer.WriteLine("public static bool operator ==(" + reference + " left, " + reference + " right) => left.Equals(right);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether two references name different grains.</summary>");
            writer.WriteLine("public static bool operator !=(" + reference + " left, " + reference + " right) => !left.Equals(right);");
            writer.CloseBlock();
        }

        private static void WriteFactoryExtensions(SourceWriter writer, GrainModel grain)
        {
            string reference = grain.RefFullyQualifiedName;
            string keyType = grain.KeyKind switch
            {
                GrainKeyKindModel.Guid => "global::System.Guid",
                GrainKeyKindModel.Long => "long",
                _ => "string",
            };
            writer.WriteLine("/// <summary>Factory extension for <see cref=\"" + reference + "\"/>.</summary>");
            writer.WriteLine(GeneratedCodeAttribute);
            writer.OpenBlock(TypeAccessibility(grain) + " static class " + grain.ExtensionsClassName);
            writer.WriteLine("/// <summary>Gets a typed reference to the <see cref=\"" + grain.FullyQualifiedName + "\"/> grain with key <paramref name=\"key\"/>; never fails and does no I/O.</summary>");
            writer.OpenBlock("public static " + reference + " " + grain.FactoryMethodName + "(this " + Abstractions + ".IGrainFactory grains, " + keyType + " key)");
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(grains);");
            writer.WriteLine("return new " + reference + "(grains.Runtime, new " + Abstractions + ".GrainId("
                + SymbolDisplay.FormatLiteral(grain.GrainTypeName, quote: true) + ", " + Abstractions + ".GrainKey.From(key)));");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        private static void WriteDocumentation(SourceWriter writer, HandlerModel handler)
        {
            DocumentationModel documentation = handler.Documentation;
            if (!documentation.Summary.IsEmpty)
            {
                writer.WriteLine("/// <summary>");
                WriteDocumentationLines(writer, documentation.Summary);
                writer.WriteLine("/// </summary>");
            }
            else
            {
                string name = "<c>" + handler.MethodName + "</c>";
                writer.WriteLine(handler.Kind switch
                {
                    HandlerKind.Call => "/// <summary>Calls " + name + " on the grain and returns its reply.</summary>",
                    HandlerKind.CallVoid => "/// <summary>Calls " + name + " on the grain and completes when its turn has committed.</summary>",
                    HandlerKind.CallDeferred => "/// <summary>Calls " + name + " on the grain and returns the reply it sends later through its caller token.</summary>",
                    _ => "/// <summary>Sends " + name + " to the grain without waiting for it to run.</summary>",
                });
            }

            WriteDocumentationLines(writer, documentation.Tags);
        }

        private static void WriteDocumentationLines(SourceWriter writer, EquatableArray<string> lines)
        {
            foreach (string line in lines)
            {
                writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
            }
        }
    }
}
