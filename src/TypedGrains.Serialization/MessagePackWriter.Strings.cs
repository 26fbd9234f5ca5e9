using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TypedGrains.Serialization;

/// <content>Strings and binary values.</content>
public ref partial struct MessagePackWriter
{
    /// <summary>Writes a string as UTF-8, or nil when it is <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            WriteString(value.AsSpan());
        }
    }

    /// <summary>
    /// Writes characters as a UTF-8 string (fixstr or str 8/16/32), encoding straight into the output.
    /// An unpaired surrogate is written as U+FFFD, as <see cref="Encoding.UTF8"/> does.
    /// </summary>
    /// <param name="value">The characters.</param>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteStringHeader(byteCount);
        while (!value.IsEmpty)
        {
            Span<byte> destination = GetAvailableSpan(4);
            OperationStatus status = Utf8.FromUtf16(value, destination, out int charsRead, out int bytesWritten, replaceInvalidSequences: true, isFinalBlock: true);
            _buffered += bytesWritten;
            value = value[charsRead..];
            if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
            {
                throw new InvalidOperationException($"UTF-8 encoding stopped with {status}.");
            }
        }
    }

    /// <summary>Writes a string whose bytes are already UTF-8 (they are copied as they are).</summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void WriteStringUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        WriteStringHeader(utf8.Length);
        WriteRaw(utf8);
    }

    /// <summary>Writes the header of a string of <paramref name="byteLength"/> UTF-8 bytes; the bytes must follow.</summary>
    /// <param name="byteLength">The length in bytes.</param>
    public void WriteStringHeader(int byteLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        if (byteLength <= 31)
        {
            WriteByte((byte)(MessagePackCode.MinFixStr | byteLength));
        }
        else if (byteLength <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.Str8;
            span[1] = (byte)byteLength;
            _buffered += 2;
        }
        else if (byteLength <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Str16, (ushort)byteLength);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Str32, (uint)byteLength);
        }
    }

    /// <summary>Writes a byte array as bin 8/16/32, or nil when it is <see langword="null"/>.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBinary(byte[]? value)
    {
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            WriteBinary(value.AsSpan());
        }
    }

    /// <summary>Writes bytes as bin 8/16/32.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBinary(scoped ReadOnlySpan<byte> value)
    {
        WriteBinaryHeader(value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes the header of a bin value of <paramref name="length"/> bytes; the bytes must follow.</summary>
    /// <param name="length">The length in bytes.</param>
    public void WriteBinaryHeader(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.Bin8;
            span[1] = (byte)length;
            _buffered += 2;
        }
        else if (length <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Bin16, (ushort)length);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Bin32, (uint)length);
        }
    }
}
