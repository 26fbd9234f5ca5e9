using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>The symbols the serialization rules compare against.</summary>
internal sealed class SerializableKnownTypes
{
    private SerializableKnownTypes(Compilation compilation, GrainKnownTypes grains)
    {
        Compilation = compilation;
        Grains = grains;
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        ImmutableArray = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableArray`1");
        ImmutableList = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableList`1");
        ImmutableDictionary = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableDictionary`2");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        GrainReference = compilation.GetTypeByMetadataName("TypedGrains.IGrainReference");
        KeyAttribute = compilation.GetTypeByMetadataName("TypedGrains.KeyAttribute");
    }

    /// <summary>The compilation.</summary>
    public Compilation Compilation { get; }

    /// <summary>The grain symbols (attributes, <c>Caller&lt;T&gt;</c>).</summary>
    public GrainKnownTypes Grains { get; }

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? List { get; }

    /// <summary><c>Dictionary&lt;K,V&gt;</c>.</summary>
    public INamedTypeSymbol? Dictionary { get; }

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableArray { get; }

    /// <summary><c>ImmutableList&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableList { get; }

    /// <summary><c>ImmutableDictionary&lt;K,V&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableDictionary { get; }

    /// <summary><c>System.Guid</c>.</summary>
    public INamedTypeSymbol? Guid { get; }

    /// <summary><c>System.DateTimeOffset</c>.</summary>
    public INamedTypeSymbol? DateTimeOffset { get; }

    /// <summary><c>System.TimeSpan</c>.</summary>
    public INamedTypeSymbol? TimeSpan { get; }

    /// <summary><c>TypedGrains.IGrainReference</c>.</summary>
    public INamedTypeSymbol? GrainReference { get; }

    /// <summary><c>TypedGrains.KeyAttribute</c>, absent in older abstractions.</summary>
    public INamedTypeSymbol? KeyAttribute { get; }

    /// <summary>Resolves the symbols of <paramref name="grains"/>' compilation.</summary>
    public static SerializableKnownTypes Create(GrainKnownTypes grains) => new(grains.Compilation, grains);
}

