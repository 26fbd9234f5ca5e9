namespace TypedGrains.Runtime.Tests.Grains;

/// <summary>One of two grain classes that take the same type name: the catalog must refuse the name, naming both.</summary>
[Grain(Name = ConflictingGrains.TypeName)]
public sealed partial class FirstNamesake : Grain<int>
{
    [Call] public int Get() => 1;
}

/// <summary>The other grain class with <see cref="ConflictingGrains.TypeName"/>.</summary>
[Grain(Name = ConflictingGrains.TypeName)]
public sealed partial class SecondNamesake : Grain<int>
{
    [Call] public int Get() => 2;
}

public static class ConflictingGrains
{
    public const string TypeName = "tests.namesake";
}
