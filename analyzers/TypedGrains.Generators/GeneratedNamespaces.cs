using System.Text;

namespace TypedGrains.Generators;

/// <summary>
/// The namespaces of generated types that are not the grain's own (formatters, the grain catalog): a fixed prefix and
/// the assembly name as an identifier, so that two assemblies that see each other's internals (InternalsVisibleTo)
/// never declare the same generated type.
/// </summary>
internal static class GeneratedNamespaces
{
    /// <summary>The prefix of the generated formatter classes' namespace.</summary>
    public const string FormattersPrefix = "TypedGrains.Generated.MessagePack.";

    /// <summary>The namespace of the formatters of the assembly <paramref name="assemblyName"/>.</summary>
    public static string Formatters(string? assemblyName) => Of(FormattersPrefix, assemblyName);

    /// <summary><paramref name="prefix"/> followed by the assembly name as an identifier (<c>Assembly</c> when it has none).</summary>
    public static string Of(string prefix, string? assemblyName)
    {
        var builder = new StringBuilder(prefix);
        string name = string.IsNullOrEmpty(assemblyName) ? "Assembly" : assemblyName!;
        if (!char.IsLetter(name[0]) && name[0] != '_')
        {
            builder.Append('_');
        }

        foreach (char c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
