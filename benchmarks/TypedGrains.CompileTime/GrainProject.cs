using System.IO;

namespace TypedGrains.CompileTime;

/// <summary>Writes the benchmark's grain project: a library referencing the runtime and, as analyzers, the generator and the analyzers of the repository.</summary>
internal static class GrainProject
{
    public static void Write(string directory, string repository, int count)
    {
        Directory.CreateDirectory(directory);
        foreach (string old in Directory.GetFiles(directory, "Grain*.cs"))
        {
            File.Delete(old);
        }

        string Project(string relative) => Path.Combine(repository, relative);
        File.WriteAllText(Path.Combine(directory, "BenchGrains.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Project("src/TypedGrains.Abstractions/TypedGrains.Abstractions.csproj")}" />
                <ProjectReference Include="{Project("src/TypedGrains.Runtime/TypedGrains.Runtime.csproj")}" />
                <ProjectReference Include="{Project("analyzers/TypedGrains.Generators/TypedGrains.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Project("analyzers/TypedGrains.Analyzers/TypedGrains.Analyzers.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>

            """);
        foreach ((string fileName, string source) in BenchmarkGrains.All(count))
        {
            File.WriteAllText(Path.Combine(directory, fileName), source);
        }
    }
}
