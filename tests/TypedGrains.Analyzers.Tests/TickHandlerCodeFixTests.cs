using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>TG0019: a tick handler that is also a <c>[Call]</c>/<c>[Cast]</c> loses that attribute; other shapes get no fix.</summary>
public sealed class TickHandlerCodeFixTests
{
    private const string Grain = "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Get() => 0;\n\n";

    [Fact]
    public async Task CastOnATickHandlerGoes()
    {
        await CodeFixAssert.FixesAsync(
            new HandlerOutsideGrainCodeFix(), "TG0019", HandlerOutsideGrainCodeFix.EquivalenceKey,
            Grain + "    [Tick, Cast]\n    private void Beat() { }\n}\n",
            Grain + "    [Tick]\n    private void Beat() { }\n}\n");
    }

    [Fact]
    public async Task NotOfferedForATickWithParameters()
    {
        await CodeFixAssert.NotOfferedAsync(new HandlerOutsideGrainCodeFix(), "TG0019", Grain + "    [Tick] private void Beat(int times) { }\n}\n");
    }
}
