using System.Collections.Generic;
using Microsoft.CodeAnalysis;

// The arguments of a [Grain] attribute, read once for the rules, the generator's model and the analyzers.
namespace TypedGrains.Generators;

/// <summary>The named arguments of one <c>[Grain]</c> attribute application, and whether they are valid.</summary>
internal sealed class GrainAttributeData
{
    private GrainAttributeData(int key, int? placement, string? provider, string? name, bool isValid)
    {
        Key = key;
        Placement = placement;
        Provider = provider;
        Name = name;
        IsValid = isValid;
    }

    /// <summary>The numeric <c>GrainKeyKind</c> (0, string, when not given).</summary>
    public int Key { get; }

    /// <summary>The numeric <c>Placement</c>, or <c>null</c> when not given.</summary>
    public int? Placement { get; }

    /// <summary>The state provider name, or <c>null</c> for the default provider.</summary>
    public string? Provider { get; }

    /// <summary>The stable grain type name, or <c>null</c> to use the class's dotted name.</summary>
    public string? Name { get; }

    /// <summary>
    /// Whether the arguments can be generated: none is an error, <c>Key</c> is a defined key kind, <c>Name</c> is not
    /// empty and <c>Placement</c> is a number.
    /// </summary>
    public bool IsValid { get; }

    /// <summary>Reads <paramref name="attribute"/>.</summary>
    public static GrainAttributeData Read(AttributeData attribute)
    {
        bool isValid = true;
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            isValid &= argument.Kind != TypedConstantKind.Error;
        }

        int key = 0;
        int? placement = null;
        string? provider = null;
        string? name = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                isValid = false;
                continue;
            }

            object? value = argument.Value.Value;
            switch (argument.Key)
            {
                case "Key":
                    isValid &= value is int kind && kind >= 0 && kind <= 2;
                    key = value is int k ? k : 0;
                    break;
                case "Placement":
                    isValid &= value is int;
                    placement = value as int?;
                    break;
                case "Provider":
                    provider = value as string;
                    break;
                case "Name":
                    isValid &= value is not string { Length: 0 };
                    name = value as string;
                    break;
            }
        }

        return new GrainAttributeData(key, placement, provider, name, isValid);
    }
}
