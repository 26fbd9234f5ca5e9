using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>TG0020: the period becomes the floor, written with the TimeSpan the code named.</summary>
public sealed class PeriodFloorCodeFixTests
{
    // The workspace of the code-fix harness runs no generator, so the cases name a tick handler through a field.
    private const string Grain = "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    private static readonly TickHandler Charge = null!;\n\n";
    private const string Ticks = "}\n";

    [Fact]
    public async Task ReminderPeriodBecomesOneMinute()
    {
        await FixesAsync(
            Grain + "    [Call] public void Go() => RegisterReminder(Charge, System.TimeSpan.Zero, System.TimeSpan.FromSeconds(10));\n" + Ticks,
            Grain + "    [Call] public void Go() => RegisterReminder(Charge, System.TimeSpan.Zero, System.TimeSpan.FromMinutes(1));\n" + Ticks);
    }

    [Fact]
    public async Task ZeroTimerPeriodBecomesOneMillisecond()
    {
        await FixesAsync(
            Grain + "    [Call] public void Go() => StartTimer(Charge, System.TimeSpan.Zero, System.TimeSpan.Zero);\n" + Ticks,
            Grain + "    [Call] public void Go() => StartTimer(Charge, System.TimeSpan.Zero, System.TimeSpan.FromMilliseconds(1));\n" + Ticks);
    }

    [Fact]
    public async Task NotOfferedForDefault()
    {
        await CodeFixAssert.NotOfferedAsync(new PeriodFloorCodeFix(), "TG0020",
            Grain + "    [Call] public void Go() => StartTimer(Charge, System.TimeSpan.Zero, default);\n" + Ticks);
    }

    private static Task FixesAsync(string before, string after) =>
        CodeFixAssert.FixesAsync(new PeriodFloorCodeFix(), "TG0020", PeriodFloorCodeFix.EquivalenceKey, before, after);
}
