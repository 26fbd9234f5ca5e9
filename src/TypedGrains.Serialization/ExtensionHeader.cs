namespace TypedGrains.Serialization;

/// <summary>The header of a MessagePack extension value: its application-defined type and its payload length.</summary>
/// <param name="TypeCode">The extension type: 0..127 for applications, negative values reserved by the spec (-1 is the timestamp).</param>
/// <param name="Length">The number of payload bytes that follow the header.</param>
public readonly record struct ExtensionHeader(sbyte TypeCode, int Length);
