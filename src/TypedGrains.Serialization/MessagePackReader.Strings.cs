using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TypedGrains.Serialization;

/// <content>Strings and binary values.</content>
public ref partial struct MessagePackReader
{
    private const int StackCopyLimit = 256;

    /// <summary>Reads the header of a string (fixstr, str 8/16/32); its UTF-8 bytes follow.</summary>
    /// <returns>The length of the string in bytes, checked against the input left.</returns>
    public int ReadStringHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        ulong length;
        if (code is >= MessagePackCode.MinFixStr and <= MessagePackCode.MaxFixStr)
        {
            _index++;
            length = (uint)(code & 0x1f);
        }
        else
        {
            length = code switch
            {
                MessagePackCode.Str8 => ReadCodeAndPayload(1),
                MessagePackCode.Str16 => ReadCodeAndPayload(2),
                MessagePackCode.Str32 => ReadCodeAndPayload(4),
                _ => throw MessagePackReaderErrors.WrongType("String", code, offset),
            };
        }

        return CheckLength(length, 1, offset, "string");
    }

    /// <summary>Reads a string, or nil as <see langword="null"/>. The UTF-8 is validated.</summary>
    /// <returns>The string, or <see langword="null"/> for nil.</returns>
    public string? ReadString()
    {
        if (TryReadNil())
        {
            return null;
        }

        long offset = Consumed;
        int length = ReadStringHeader();
        if (length == 0)
        {
            return string.Empty;
        }

        if (TryTakeContiguous(length, out ReadOnlySpan<byte> contiguous))
        {
            return DecodeUtf8(contiguous, offset);
        }

        if (length <= StackCopyLimit)
        {
            Span<byte> copy = stackalloc byte[length];
            CopyTo(copy);
            return DecodeUtf8(copy, offset);
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            CopyTo(rented.AsSpan(0, length));
            return DecodeUtf8(rented.AsSpan(0, length), offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Reads a string (not nil) as its UTF-8 bytes, without allocating, when they are contiguous in the input —
    /// always for a span input; for a sequence, unless the string crosses a segment boundary. The UTF-8 is validated.
    /// </summary>
    /// <param name="utf8">The string's bytes, pointing into the input.</param>
    /// <returns>Whether the string was read; when <see langword="false"/> the reader has not moved (use <see cref="ReadString"/>).</returns>
    public bool TryReadStringSpan(out ReadOnlySpan<byte> utf8)
    {
        MessagePackReader start = this;
        long offset = Consumed;
        int length = ReadStringHeader();
        if (!TryTakeContiguous(length, out utf8))
        {
            this = start;
            return false;
        }

        if (!Utf8.IsValid(utf8))
        {
            throw MessagePackReaderErrors.InvalidUtf8(offset);
        }

        return true;
    }

    /// <summary>Reads the header of a binary value (bin 8/16/32); its bytes follow.</summary>
    /// <returns>The length in bytes, checked against the input left.</returns>
    public int ReadBinaryHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        ulong length = code switch
        {
            MessagePackCode.Bin8 => ReadCodeAndPayload(1),
            MessagePackCode.Bin16 => ReadCodeAndPayload(2),
            MessagePackCode.Bin32 => ReadCodeAndPayload(4),
            _ => throw MessagePackReaderErrors.WrongType("Binary", code, offset),
        };
        return CheckLength(length, 1, offset, "binary value");
    }

    /// <summary>Reads a binary value into a new array, or nil as <see langword="null"/>.</summary>
    /// <returns>The bytes, or <see langword="null"/> for nil.</returns>
    public byte[]? ReadBytes()
    {
        if (TryReadNil())
        {
            return null;
        }

        int length = ReadBinaryHeader();
        byte[] bytes = length == 0 ? [] : new byte[length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Reads a binary value (not nil) without allocating when its bytes are contiguous in the input — always for a
    /// span input; for a sequence, unless the value crosses a segment boundary.
    /// </summary>
    /// <param name="bytes">The bytes, pointing into the input.</param>
    /// <returns>Whether the value was read; when <see langword="false"/> the reader has not moved (use <see cref="ReadBytes"/>).</returns>
    public bool TryReadBytesSpan(out ReadOnlySpan<byte> bytes)
    {
        MessagePackReader start = this;
        int length = ReadBinaryHeader();
        if (!TryTakeContiguous(length, out bytes))
        {
            this = start;
            return false;
        }

        return true;
    }

    private bool TryTakeContiguous(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length == 0)
        {
            bytes = default;
            return true;
        }

        if (_index == _span.Length)
        {
            LoadNextSegment();
        }

        if (_span.Length - _index < length)
        {
            bytes = default;
            return false;
        }

        bytes = _span.Slice(_index, length);
        _index += length;
        return true;
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> utf8, long offset) => Utf8.IsValid(utf8)
        ? Encoding.UTF8.GetString(utf8)
        : throw MessagePackReaderErrors.InvalidUtf8(offset);
}
