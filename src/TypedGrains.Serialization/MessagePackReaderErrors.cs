using System;
using System.Globalization;

namespace TypedGrains.Serialization;

/// <summary>Builds the messages of the exceptions the reader throws for bad input.</summary>
internal static class MessagePackReaderErrors
{
    public static MessagePackSerializationException Truncated(long offset, long needed, long remaining) => new(
        Format($"The MessagePack data ends too early: the value at offset {offset} needs {needed} more byte(s) but only {remaining} remain."),
        offset);

    public static MessagePackSerializationException ReservedCode(long offset) => new(
        Format($"Invalid MessagePack: the reserved code 0xc1 (never used) at offset {offset}."),
        offset);

    public static MessagePackSerializationException WrongType(string expected, byte code, long offset) => code == MessagePackCode.NeverUsed
        ? ReservedCode(offset)
        : new(
            Format($"Expected {expected} but found {MessagePackCode.ToMessagePackType(code)} (code 0x{code:x2}) at offset {offset}."),
            offset);

    public static MessagePackSerializationException Overflow(string value, string targetType, long offset) => new(
        Format($"The integer {value} at offset {offset} does not fit in {targetType}."),
        offset);

    public static MessagePackSerializationException LengthTooLarge(long offset, string what, ulong length, long remaining) => new(
        Format($"The {what} at offset {offset} claims a length of {length} but only {remaining} byte(s) of input remain."),
        offset);

    public static MessagePackSerializationException LengthUnsupported(long offset, string what, ulong length) => new(
        Format($"The {what} at offset {offset} has a length of {length}, over the supported maximum of {int.MaxValue}."),
        offset);

    public static MessagePackSerializationException TooDeep(long offset, int maxDepth) => new(
        Format($"The MessagePack data at offset {offset} nests arrays/maps deeper than the limit of {maxDepth}."),
        offset);

    public static MessagePackSerializationException InvalidUtf8(long offset) => new(
        Format($"The string at offset {offset} is not valid UTF-8."),
        offset);

    public static MessagePackSerializationException NotTimestamp(sbyte typeCode, long offset) => new(
        Format($"Expected the timestamp extension (type -1) but found extension type {typeCode} at offset {offset}."),
        offset);

    public static MessagePackSerializationException TimestampLength(int length, long offset) => new(
        Format($"The timestamp at offset {offset} has {length} data bytes; only 4, 8 or 12 are valid."),
        offset);

    public static MessagePackSerializationException TimestampNanoseconds(ulong nanoseconds, long offset) => new(
        Format($"The timestamp at offset {offset} has {nanoseconds} nanoseconds; at most 999999999 are valid."),
        offset);

    public static MessagePackSerializationException TimestampOutOfDateTimeRange(MessagePackTimestamp value, long offset) => new(
        Format($"The timestamp {value} at offset {offset} is outside the range of DateTime (years 1 to 9999)."),
        offset);

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
