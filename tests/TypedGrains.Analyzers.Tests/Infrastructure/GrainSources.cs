using System;
using System.IO;
using System.Linq;

namespace TypedGrains.Analyzers.Tests.Infrastructure;

/// <summary>The real grain sources of the samples and the runtime tests, copied beside the test assembly.</summary>
internal static class GrainSources
{
    public static (string Name, string Text)[] Load()
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "GrainSources");
        return Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(directory, path), File.ReadAllText(path)))
            .ToArray();
    }
}

/// <summary>Finds the repository root (the directory holding TypedGrains.sln) above the test assembly.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedGrains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TypedGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
