namespace TypedGrains;

/// <summary>Reads the arguments of a serialized request, in declaration order.</summary>
public interface IArgumentReader
{
    /// <summary>Reads the next argument.</summary>
    T Read<T>();
}
