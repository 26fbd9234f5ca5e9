using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Checks calls of <c>Grain.StartTimer</c>, <c>StopTimer</c>, <c>RegisterReminder</c> and <c>UnregisterReminder</c>: a
/// constant period below the floor (TG0020: a reminder under one minute, a timer not positive) and a call where no
/// turn commits it (TG0021: a constructor, a lambda or local function, a class without <c>[Grain]</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimerUsageAnalyzer : GrainAnalyzer
{
    /// <summary>The property that tells the code fix which floor to write (<c>reminder</c> or <c>timer</c>).</summary>
    public const string FloorProperty = "Floor";

    private static readonly TimeSpan ReminderFloor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TimerFloor = TimeSpan.FromMilliseconds(1);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PeriodBelowFloor, DiagnosticDescriptors.TimerActionOutsideTurn);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        INamedTypeSymbol? timeSpan = start.Compilation.GetTypeByMetadataName("System.TimeSpan");
        start.RegisterOperationAction(operationContext => Analyze(operationContext, known, timeSpan), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, GrainKnownTypes known, INamedTypeSymbol? timeSpan)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol target = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(target.ContainingType, known.Grain)
            || target.Name is not ("StartTimer" or "StopTimer" or "RegisterReminder" or "UnregisterReminder"))
        {
            return;
        }

        if (OutsideTurn(invocation, context.ContainingSymbol, known) is { } where)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TimerActionOutsideTurn, invocation.Syntax.GetLocation(), target.Name, where));
        }

        if (target.Name is not ("StartTimer" or "RegisterReminder"))
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != "period" || ConstantTimeSpan(argument.Value, timeSpan) is not { } period)
            {
                continue;
            }

            bool reminder = target.Name == "RegisterReminder";
            bool below = reminder ? period < ReminderFloor : period < TimerFloor && period != System.Threading.Timeout.InfiniteTimeSpan;
            if (below)
            {
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add(FloorProperty, reminder ? "reminder" : "timer");
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.PeriodBelowFloor,
                    argument.Value.Syntax.GetLocation(),
                    properties,
                    reminder ? "Reminder" : "Timer",
                    argument.Value.Syntax.ToString(),
                    reminder ? "one minute; use a timer for shorter periods" : "one millisecond; use Timeout.InfiniteTimeSpan for a single tick"));
            }
        }
    }

    private static string? OutsideTurn(IOperation invocation, ISymbol containing, GrainKnownTypes known)
    {
        for (IOperation? parent = invocation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation)
            {
                return "in a lambda or anonymous method";
            }

            if (parent is ILocalFunctionOperation)
            {
                return "in a local function";
            }
        }

        if (containing is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            return "in a constructor";
        }

        if (containing is IFieldSymbol or IPropertySymbol)
        {
            return "in an initializer";
        }

        return containing.ContainingType is { } type && !GrainSymbols.IsGrain(type, known) && !type.IsAbstract
            ? "in a class without [Grain]"
            : null;
    }

    /// <summary>The value of <c>TimeSpan.FromX(constant)</c>, <c>TimeSpan.Zero</c> or <c>default</c>; <c>null</c> otherwise.</summary>
    private static TimeSpan? ConstantTimeSpan(IOperation value, INamedTypeSymbol? timeSpan)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IDefaultValueOperation:
                return TimeSpan.Zero;
            case IFieldReferenceOperation { Field.Name: "Zero" } field when SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, timeSpan):
                return TimeSpan.Zero;
            case IInvocationOperation { Arguments.Length: > 0 } call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, timeSpan):
                // FromMinutes(long minutes, long seconds = 0, ...) and the like: only the first argument may be written.
                for (int i = 1; i < call.Arguments.Length; i++)
                {
                    if (call.Arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return null;
                    }
                }

                if (call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: { } constant })
                {
                    return null;
                }

                double amount = Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
                return call.TargetMethod.Name switch
                {
                    "FromMilliseconds" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerMillisecond)),
                    "FromSeconds" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerSecond)),
                    "FromMinutes" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerMinute)),
                    "FromHours" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerHour)),
                    "FromDays" => TimeSpan.FromTicks((long)(amount * TimeSpan.TicksPerDay)),
                    "FromTicks" => TimeSpan.FromTicks((long)amount),
                    _ => null,
                };
            default:
                return null;
        }
    }
}
