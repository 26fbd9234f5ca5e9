namespace TypedGrains;

/// <summary>A typed grain reference: a value whose equality is the equality of its <see cref="Id"/>.</summary>
public interface IGrainReference
{
    /// <summary>The grain the reference names.</summary>
    GrainId Id { get; }
}
