using System.Text;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Helpers;

// The stable method ids of handlers and ticks: the generator and the analyzers must compute the same ones.
namespace TypedGrains.Generators;

internal static partial class GrainRules
{
    /// <summary>
    /// The text a method id hashes: <c>Name(T1,T2,...)</c>, each <c>Ti</c> the parameter type in
    /// <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> (for example <c>Add(int,global::System.Guid)</c>);
    /// see <see cref="GrainTypeNames.IdFormat"/>.
    /// </summary>
    public static string GetMethodSignature(IMethodSymbol method, GrainKnownTypes known)
    {
        if (!known.MethodSignatures.TryGetValue(method, out string? signature))
        {
            signature = WriteMethodSignature(method, known);
            known.MethodSignatures.TryAdd(method, signature);
        }

        return signature;
    }

    private static string WriteMethodSignature(IMethodSymbol method, GrainKnownTypes known)
    {
        var builder = new StringBuilder(method.Name);
        builder.Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(GrainTypeNames.Format(method.Parameters[i].Type, method, known, forCode: false));
        }

        builder.Append(')');
        return builder.ToString();
    }

    /// <summary>The stable method id: FNV-1a (32-bit) over the UTF-8 bytes of <see cref="GetMethodSignature"/>.</summary>
    public static uint ComputeMethodId(IMethodSymbol method, GrainKnownTypes known) => Fnv1a.Hash32(GetMethodSignature(method, known));
}
