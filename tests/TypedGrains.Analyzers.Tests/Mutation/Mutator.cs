using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Analyzers.Tests.Infrastructure;

namespace TypedGrains.Analyzers.Tests.Mutation;

/// <summary>
/// Seeded, repeatable damage to a grain source: token deletes and swaps, truncation, a duplicated member, a type
/// replaced by an odd one (pointers, ref structs, <c>dynamic</c>, tuples, nested and expanding generics, recursive
/// records), and attribute arguments replaced by unusual ones. The odd types live in <see cref="OddTypesSource"/>,
/// which every mutated compilation also holds.
/// </summary>
internal static class Mutator
{
    public const int Kinds = 7;
    public const int DeleteTokens = 0;
    public const int SwapTokens = 1;
    public const int Truncate = 2;
    public const int DuplicateMember = 3;

    /// <summary>A declared type replaced by an odd one; kinds 4 and 5 both do it, so it is drawn twice as often.</summary>
    public const int OddType = 4;

    /// <summary>A hash of <paramref name="text"/> that is the same in every process (seeds per source).</summary>
    public static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }

    /// <summary>Declarations the odd types name, in a namespace of their own.</summary>
    public const string OddTypesSource = """
        namespace MutationTypes
        {
            public class N<T> { public N<N<T>>? Deeper { get; set; } }
            public sealed record Rec(int Value, Rec? Next);
            public sealed record Pair<TA, TB>(TA A, TB B);
            public ref struct RefS { public int X; }
            public unsafe struct Ptr { public int* P; }
            public class Outer { public sealed record Inner(int X); }
            public enum Mode { Fast = 1, Slow = 2 }
        }
        """;

    private static readonly string[] OddTypes =
    [
        "int*",
        "global::MutationTypes.RefS",
        "global::MutationTypes.Ptr",
        "dynamic",
        "(int, string)",
        "(int A, global::MutationTypes.Rec B)",
        "global::MutationTypes.N<int>",
        "global::MutationTypes.N<global::MutationTypes.N<string>>",
        "global::MutationTypes.Rec",
        "global::MutationTypes.Pair<global::MutationTypes.Pair<int, string>, int[]>",
        "global::MutationTypes.Outer.Inner",
        "global::MutationTypes.Mode",
        "System.Collections.Generic.List<System.Collections.Generic.List<int>>",
        "System.Collections.Generic.Dictionary<string, int[]>",
        "System.Span<int>",
        "System.Action",
        "System.Func<int, int>",
        "object",
        "int[,]",
        "int?[]",
        "System.IntPtr",
        "System.Threading.Tasks.Task<System.Threading.Tasks.Task<int>>",
        "System.Collections.Immutable.ImmutableArray<int>",
        "Undeclared",
        "void",
        "T",
    ];

    private static readonly string[] AttributeArguments =
    [
        "()",
        "(Key = (GrainKeyKind)99)",
        "(Key = GrainKeyKind.Guid)",
        "(Key = GrainKeyKind.Long)",
        "(Placement = (Placement)42)",
        "(Placement = Placement.StatelessWorker)",
        "(Name = \"\")",
        "(Name = null)",
        "(Name = \"a/b c\")",
        "(Provider = \"\")",
        "(Provider = null)",
        "(\"positional\")",
        "(1)",
        "(Key = GrainKeyKind.String, Key = GrainKeyKind.Long)",
        "(Unknown = 1)",
    ];

    /// <summary>Applies the mutation <paramref name="kind"/> (0 … <see cref="Kinds"/> − 1) to <paramref name="source"/>.</summary>
    public static string Mutate(string source, Random random, int kind)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, AnalyzerHarness.ParseOptions).GetRoot();
        List<SyntaxToken> tokens = root.DescendantTokens().ToList();
        switch (kind)
        {
            case DeleteTokens:
            {
                var deleted = new HashSet<int>();
                int count = 1 + random.Next(4);
                for (int i = 0; i < count; i++)
                {
                    deleted.Add(random.Next(tokens.Count));
                }

                return string.Concat(tokens.Select((t, i) => deleted.Contains(i) ? t.LeadingTrivia.ToFullString() : t.ToFullString()));
            }

            case SwapTokens:
            {
                int first = random.Next(tokens.Count - 1);
                return string.Concat(tokens.Select((t, i) =>
                    i == first ? Spaced(tokens[first + 1])
                    : i == first + 1 ? Spaced(tokens[first])
                    : t.ToFullString()));
            }

            case Truncate:
                return source.Substring(0, random.Next(source.Length));
            case DuplicateMember:
            {
                MemberDeclarationSyntax[] members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                    .Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax or TypeDeclarationSyntax)
                    .ToArray();
                if (members.Length == 0)
                {
                    return source;
                }

                MemberDeclarationSyntax member = members[random.Next(members.Length)];
                return source.Insert(member.FullSpan.End, member.ToFullString());
            }

            case OddType:
            case OddType + 1:
            {
                // Types where grain code declares them: parameters, returns, properties, fields, base-type arguments.
                TypeSyntax[] types = root.DescendantNodes().OfType<TypeSyntax>()
                    .Where(t => t.Parent is ParameterSyntax or MethodDeclarationSyntax or PropertyDeclarationSyntax
                        or VariableDeclarationSyntax or TypeArgumentListSyntax or ArrayTypeSyntax or NullableTypeSyntax)
                    .Where(t => t.Parent is not ArrayTypeSyntax || random.Next(2) == 0)
                    .ToArray();
                if (types.Length == 0)
                {
                    return source;
                }

                TypeSyntax target = types[random.Next(types.Length)];
                string odd = OddTypes[random.Next(OddTypes.Length)];
                return source.Substring(0, target.Span.Start) + odd + source.Substring(target.Span.End);
            }

            default:
            {
                AttributeSyntax[] attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToArray();
                if (attributes.Length == 0)
                {
                    return source;
                }

                AttributeSyntax attribute = attributes[random.Next(attributes.Length)];
                string arguments = AttributeArguments[random.Next(AttributeArguments.Length)];
                int start = attribute.Name.Span.End;
                return source.Substring(0, start) + arguments + source.Substring(attribute.Span.End);
            }
        }
    }

    private static string Spaced(SyntaxToken token) => " " + token.Text + " ";
}
