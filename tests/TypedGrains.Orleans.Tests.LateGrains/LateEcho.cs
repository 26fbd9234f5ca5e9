namespace TypedGrains.Orleans.Tests.LateGrains;

/// <summary>A grain of a library that only a silo's catalog lookup loads.</summary>
[Grain]
public sealed partial class LateEcho : Grain
{
    [Call] public string Echo(string text) => text;
}
