using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// Writes the default value of a handler parameter as a C# expression that means the same constant in generated
/// code: <c>global::</c>-qualified enum members, invariant-culture numbers with their type suffix, escaped strings and
/// characters. The text is the same on every platform and culture.
/// </summary>
internal static class DefaultValueLiteral
{
    /// <summary>
    /// The default value of <paramref name="parameter"/> as C#, or <c>null</c> when it has none or when the value
    /// cannot be written as a default value expression (a <c>[DateTimeConstant]</c>, say).
    /// </summary>
    /// <param name="parameter">The handler parameter.</param>
    /// <param name="context">The handler (to resolve type names as <see cref="GrainTypeNames"/> does).</param>
    /// <param name="known">The known types of the compilation.</param>
    public static string? Format(IParameterSymbol parameter, ISymbol context, GrainKnownTypes known)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        ITypeSymbol type = parameter.Type;
        bool isNullableValueType = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        object? value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            if (isNullableValueType || type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                return "null";
            }

            // A non-nullable reference type defaulted to null warns at the handler already; the copy stays quiet.
            return type.IsReferenceType ? "null!" : "default";
        }

        ITypeSymbol target = isNullableValueType ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        return target is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            ? FormatEnum(enumType, value, context, known)
            : FormatConstant(value);
    }

    /// <summary>A constant of a primitive type, <see cref="string"/> or <see cref="decimal"/> as a C# literal; <c>null</c> for any other value.</summary>
    public static string? FormatConstant(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        sbyte n => n.ToString(CultureInfo.InvariantCulture),
        byte n => n.ToString(CultureInfo.InvariantCulture),
        short n => n.ToString(CultureInfo.InvariantCulture),
        ushort n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        uint n => n.ToString(CultureInfo.InvariantCulture) + "U",
        long n => n.ToString(CultureInfo.InvariantCulture) + "L",
        ulong n => n.ToString(CultureInfo.InvariantCulture) + "UL",
        float f => FormatSingle(f),
        double d => FormatDouble(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        _ => null,
    };

    private static string? FormatEnum(INamedTypeSymbol enumType, object value, ISymbol context, GrainKnownTypes known)
    {
        string? number = FormatConstant(value);
        if (number is null || !IsInteger(value))
        {
            return null;
        }

        string typeName = GrainTypeNames.Format(enumType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), context, known, forCode: true);
        var members = new List<(string Name, ulong Bits)>();
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } constant } field && IsInteger(constant))
            {
                members.Add((typeName + "." + Identifiers.Escape(field.Name), ToBits(constant)));
            }
        }

        // The first member (in declaration order) with the value names it.
        ulong bits = ToBits(value);
        foreach ((string name, ulong memberBits) in members)
        {
            if (memberBits == bits)
            {
                return name;
            }
        }

        // A [Flags] value that members make up exactly is written as they are: the largest members first (as
        // Enum.ToString picks them), joined in ascending order.
        if (bits != 0 && enumType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
        {
            var parts = new List<(string Name, ulong Bits)>();
            ulong remaining = bits;
            foreach ((string name, ulong memberBits) in members.OrderByDescending(m => m.Bits))
            {
                if (memberBits != 0 && (remaining & memberBits) == memberBits)
                {
                    parts.Add((name, memberBits));
                    remaining &= ~memberBits;
                }
            }

            if (remaining == 0)
            {
                return string.Join(" | ", parts.OrderBy(p => p.Bits).Select(p => p.Name));
            }
        }

        // Any other value is a cast.
        return "(" + typeName + ")" + (number.StartsWith("-", StringComparison.Ordinal) ? "(" + number + ")" : number);
    }

    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        if (value == 0)
        {
            return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0D" : "0D";
        }

        // The shortest of 15, 16 and 17 significant digits that reads back as the same bits, so that every runtime
        // writes the same text (the "R" format differs between .NET Framework and .NET).
        long bits = BitConverter.DoubleToInt64Bits(value);
        string text = value.ToString("G17", CultureInfo.InvariantCulture);
        for (int precision = 15; precision < 17; precision++)
        {
            string candidate = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
                && BitConverter.DoubleToInt64Bits(parsed) == bits)
            {
                text = candidate;
                break;
            }
        }

        return text + "D";
    }

    private static string FormatSingle(float value)
    {
        if (float.IsNaN(value))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        if (value == 0)
        {
            return BitConverter.DoubleToInt64Bits(value) < 0 ? "-0F" : "0F";
        }

        // As for doubles: the shortest of 7, 8 and 9 significant digits that reads back as the same value.
        string text = value.ToString("G9", CultureInfo.InvariantCulture);
        for (int precision = 7; precision < 9; precision++)
        {
            string candidate = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (float.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed) && parsed.Equals(value))
            {
                text = candidate;
                break;
            }
        }

        return text + "F";
    }

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;

    /// <summary>The bits of an integer constant, sign-extended to 64 bits (so equal values of any width compare equal).</summary>
    private static ulong ToBits(object value) => value switch
    {
        ulong n => n,
        _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };
}
