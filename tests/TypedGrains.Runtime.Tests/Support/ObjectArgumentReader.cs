namespace TypedGrains.Runtime.Tests.Support;

/// <summary>Stands in for a deserializer: hands out pre-decoded arguments in order.</summary>
public sealed class ObjectArgumentReader : IArgumentReader
{
    private readonly object?[] _arguments;
    private int _next;

    public ObjectArgumentReader(params object?[] arguments) => _arguments = arguments;

    public T Read<T>() => (T)_arguments[_next++]!;
}
