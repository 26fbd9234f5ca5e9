using System;
using System.Collections.Generic;
using System.Linq;

namespace TypedGrains.Serialization.Tests;

/// <summary>Valid payloads covering every format family, used by the sequence, truncation and fuzz tests.</summary>
internal static class SamplePayloads
{
    /// <summary>One array holding a value of every format, including the wide forms (str 32, array 32, ext 32, ...).</summary>
    public static byte[] KitchenSink() => Pack.Write((ref MessagePackWriter w) =>
    {
        w.WriteArrayHeader(34);
        w.WriteNil();
        w.WriteBoolean(true);
        w.WriteBoolean(false);
        w.WriteInt64(5);
        w.WriteInt64(-7);
        w.WriteInt64(200);
        w.WriteInt64(-100);
        w.WriteInt64(40000);
        w.WriteInt64(-40000);
        w.WriteInt64(3_000_000_000);
        w.WriteInt64(-3_000_000_000);
        w.WriteUInt64(ulong.MaxValue);
        w.WriteInt64(long.MinValue);
        w.WriteSingle(1.25f);
        w.WriteDouble(-2.5e-300);
        w.WriteString("h\u00e9llo \U0001F37A");
        w.WriteString(new string('s', 40));
        w.WriteString(string.Concat(Enumerable.Repeat("\u3042b", 100)));
        w.WriteRaw(Hex.Bytes("db 00000003 616263")); // str 32
        w.WriteBinary([1, 2, 3]);
        w.WriteBinary(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray());
        w.WriteRaw(Hex.Bytes("c6 00000002 abcd")); // bin 32
        w.WriteArrayHeader(16);
        for (int i = 0; i < 16; i++)
        {
            w.WriteInt32(i);
        }

        w.WriteRaw(Hex.Bytes("dd 00000002 c0 c3")); // array 32
        w.WriteMapHeader(2);
        w.WriteString("k");
        w.WriteArrayHeader(1);
        w.WriteMapHeader(0);
        w.WriteInt32(1);
        w.WriteString("v");
        w.WriteRaw(Hex.Bytes("df 00000001 a1 6b 90")); // map 32
        w.WriteRaw(Hex.Bytes("de 0001 01 02")); // map 16
        w.WriteExtension(1, [0x10]);
        w.WriteExtension(2, Enumerable.Repeat((byte)0x22, 16).ToArray());
        w.WriteExtension(3, Enumerable.Repeat((byte)0x33, 300).ToArray());
        w.WriteRaw(Hex.Bytes("c9 00000001 04 44")); // ext 32
        w.WriteTimestamp(new MessagePackTimestamp(1514862245, 0));
        w.WriteTimestamp(new MessagePackTimestamp(1514862245, 678901234));
        w.WriteTimestamp(new MessagePackTimestamp(-62167219200, 999999999));
    });

    /// <summary>Small valid payloads, one per format family.</summary>
    public static IReadOnlyList<byte[]> Small() =>
    [
        Hex.Bytes("c0"),
        Hex.Bytes("cd 0100"),
        Hex.Bytes("cf ffffffffffffffff"),
        Hex.Bytes("d3 8000000000000000"),
        Hex.Bytes("cb 3ff0000000000000"),
        Hex.Bytes("ca 3f800000"),
        Hex.Bytes("d9 03 616263"),
        Hex.Bytes("c5 0002 0102"),
        Hex.Bytes("93 01 a1 61 81 a1 62 c3"),
        Hex.Bytes("de 0001 a1 61 dc 0001 c2"),
        Hex.Bytes("c7 03 05 010203"),
        Hex.Bytes("d6 ff 5a4af6a5"),
        Hex.Bytes("d7 ff a1dcd7c85a4af6a5"),
        Hex.Bytes("c7 0c ff 3b9ac9ff ffffffffffffffff"),
    ];

    public static IEnumerable<byte[]> All() => Small().Append(KitchenSink());
}
