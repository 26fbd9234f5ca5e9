using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TypedGrains.CompileTime;

/// <summary>
/// The floor under any [Grain] generator built on <c>ForAttributeWithMetadataName</c>: Roslyn runs the transform of
/// every attributed class again on each new compilation, binding it afresh. This one binds what a grain generator must
/// (the class, its handlers' signatures, its state type's properties) and returns a string; no emission.
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> grains = context.SyntaxProvider.ForAttributeWithMetadataName(
            "TypedGrains.GrainAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (syntax, _) =>
            {
                var grain = (INamedTypeSymbol)syntax.TargetSymbol;
                var text = new StringBuilder(grain.ToDisplayString());
                foreach (IMethodSymbol method in grain.GetMembers().OfType<IMethodSymbol>().Where(m => m.GetAttributes().Length > 0))
                {
                    text.Append(';').Append(method.ToDisplayString());
                }

                if (grain.BaseType is { TypeArguments: [INamedTypeSymbol state] })
                {
                    foreach (IPropertySymbol property in state.GetMembers().OfType<IPropertySymbol>())
                    {
                        text.Append(';').Append(property.Type.ToDisplayString());
                    }
                }

                return text.ToString();
            })
            .WithTrackingName("FloorModels");
        context.RegisterSourceOutput(grains, static (_, _) => { });
    }
}
