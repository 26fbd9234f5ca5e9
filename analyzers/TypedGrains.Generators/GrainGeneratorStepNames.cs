namespace TypedGrains.Generators;

/// <summary>The tracking names of the <see cref="GrainGenerator"/> pipeline steps (for cacheability tests).</summary>
public static class GrainGeneratorStepNames
{
    /// <summary>The parse result of each <c>[Grain]</c> class: its model (none for an invalid grain) and any internal error.</summary>
    public const string GrainModels = nameof(GrainModels);

    /// <summary>The models of the valid grains only.</summary>
    public const string ValidGrains = nameof(ValidGrains);

    /// <summary>The MessagePack formatters of all valid grains, deduplicated and sorted.</summary>
    public const string Formatters = nameof(Formatters);

    /// <summary>The name of the assembly being compiled (it names the generated catalog registration's namespace).</summary>
    public const string AssemblyName = nameof(AssemblyName);

    /// <summary>The valid grains the assembly registers with the grain catalog, sorted.</summary>
    public const string Catalog = nameof(Catalog);
}
