using System;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using TypedGrains.Backend;

namespace TypedGrains.Orleans.Hosting;

/// <summary>
/// Finds a grain type that is not in the <see cref="GrainCatalog"/> yet. Grains register from their assembly's module
/// initializer, which runs only once code touches that assembly; a silo whose own code never names a type of its grain
/// library (it only calls <c>AddTypedGrains</c>) has not loaded it, and the C# compiler drops such unused references,
/// so they cannot be followed either. On the first unknown type, every assembly beside the application's that
/// references <c>TypedGrains.Abstractions</c> (read from its metadata without loading it) is loaded and its module
/// initializer run, once.
/// </summary>
internal static class GrainAssemblies
{
    private const string Abstractions = "TypedGrains.Abstractions";
    private static readonly Lazy<bool> s_loaded = new(() => LoadFrom(AppContext.BaseDirectory));

    /// <summary>The definition of <paramref name="typeName"/>, after loading the grain assemblies if it is unknown.</summary>
    /// <exception cref="UnknownGrainTypeException">No grain assembly beside the application defines it.</exception>
    public static GrainDefinition Find(string typeName)
    {
        if (GrainCatalog.TryGet(typeName, out var definition))
        {
            return definition;
        }

        _ = s_loaded.Value;
        return GrainCatalog.Get(typeName);
    }

    /// <summary>Loads the grain assemblies of <paramref name="directory"/> and runs their module initializers.</summary>
    internal static bool LoadFrom(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.dll"))
        {
            if (GrainAssemblyName(path) is { } name)
            {
                try
                {
                    var assembly = Assembly.Load(name);
                    RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
                }
                catch (Exception error) when (error is IOException or BadImageFormatException)
                {
                    // Not loadable here (another framework, a locked file): its grains stay unknown and say so.
                }
            }
        }

        return true;
    }

    private static AssemblyName? GrainAssemblyName(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var image = new PEReader(stream);
            if (!image.HasMetadata)
            {
                return null;
            }

            var metadata = image.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return null;
            }

            foreach (var handle in metadata.AssemblyReferences)
            {
                if (metadata.StringComparer.Equals(metadata.GetAssemblyReference(handle).Name, Abstractions))
                {
                    return metadata.GetAssemblyDefinition().GetAssemblyName();
                }
            }
        }
        catch (Exception error) when (error is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            // Not a readable .NET assembly.
        }

        return null;
    }
}
