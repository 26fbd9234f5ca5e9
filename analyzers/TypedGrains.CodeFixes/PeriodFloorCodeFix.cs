using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Fixes a period below the floor (TG0020): the period becomes the floor itself, <c>TimeSpan.FromMinutes(1)</c> for a
/// reminder and <c>TimeSpan.FromMilliseconds(1)</c> for a timer, written with the <c>TimeSpan</c> as the code named it.
/// Offered when the period is <c>TimeSpan.FromX(...)</c> or <c>TimeSpan.Zero</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PeriodFloorCodeFix)), Shared]
public sealed class PeriodFloorCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.PeriodToFloor";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PeriodBelowFloor);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax period
                || Receiver(period) is not { } timeSpan)
            {
                continue;
            }

            bool reminder = diagnostic.Properties.TryGetValue(TimerUsageAnalyzer.FloorProperty, out string? floor) && floor == "reminder";
            string text = timeSpan.ToString() + (reminder ? ".FromMinutes(1)" : ".FromMilliseconds(1)");
            ExpressionSyntax replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(period);
            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + (reminder ? "one minute" : "one millisecond"),
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(period, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static ExpressionSyntax? Receiver(ExpressionSyntax period) => period switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero" } access => access.Expression,
        _ => null,
    };
}
