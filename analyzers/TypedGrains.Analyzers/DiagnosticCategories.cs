namespace TypedGrains.Analyzers;

/// <summary>The categories of the TypedGrains diagnostics.</summary>
internal static class DiagnosticCategories
{
    /// <summary>Declarations the generator cannot turn into a grain.</summary>
    public const string Declaration = "TypedGrains.Declaration";

    /// <summary>Grain designs that work but break the model's assumptions.</summary>
    public const string Design = "TypedGrains.Design";

    /// <summary>Code that can hang or lose a reply at run time.</summary>
    public const string Reliability = "TypedGrains.Reliability";
}
