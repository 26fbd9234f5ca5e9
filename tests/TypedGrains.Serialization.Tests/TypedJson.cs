using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace TypedGrains.Serialization.Tests;

/// <summary>Reads the "typed JSON" values of eng/interop/msgpack-interop.js into <see cref="MsgNode"/>s.</summary>
internal static class TypedJson
{
    public static MsgNode ToNode(JsonElement element)
    {
        using JsonElement.ObjectEnumerator properties = element.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw new FormatException($"Not a typed value: {element}");
        }

        JsonProperty property = properties.Current;
        JsonElement value = property.Value;
        return property.Name switch
        {
            "nil" => new MsgNode.Nil(),
            "bool" => new MsgNode.Bool(value.GetBoolean()),
            "int" => new MsgNode.Int(BigInteger.Parse(value.GetString()!, CultureInfo.InvariantCulture)),
            "float" => new MsgNode.Float(BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Convert.FromHexString(value.GetString()!)))),
            "str" => new MsgNode.Str(value.GetString()!),
            "bin" => new MsgNode.Bin(Convert.FromHexString(value.GetString()!)),
            "array" => new MsgNode.Arr(Items(value)),
            "map" => new MsgNode.Map(Pairs(value)),
            "ext" => new MsgNode.Ext((sbyte)value.GetProperty("type").GetInt32(), Convert.FromHexString(value.GetProperty("data").GetString()!)),
            "timestamp" => new MsgNode.Timestamp(
                long.Parse(value.GetProperty("sec").GetString()!, CultureInfo.InvariantCulture),
                value.GetProperty("nsec").GetUInt32()),
            _ => throw new FormatException($"Unknown typed value: {property.Name}"),
        };
    }

    /// <summary>Writes a node as typed JSON (the inverse of <see cref="ToNode"/>).</summary>
    public static string FromNode(MsgNode node) => node switch
    {
        MsgNode.Nil => "{\"nil\":null}",
        MsgNode.Bool b => b.Value ? "{\"bool\":true}" : "{\"bool\":false}",
        MsgNode.Int i => "{\"int\":\"" + i.Value.ToString(CultureInfo.InvariantCulture) + "\"}",
        MsgNode.Float f => "{\"float\":\"" + Convert.ToHexString(BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(BitConverter.DoubleToInt64Bits(f.Value)))) + "\"}",
        MsgNode.Str s => "{\"str\":" + JsonSerializer.Serialize(s.Value) + "}",
        MsgNode.Bin b => "{\"bin\":\"" + Convert.ToHexString(b.Value) + "\"}",
        MsgNode.Arr a => "{\"array\":[" + string.Join(",", a.Items.Select(FromNode)) + "]}",
        MsgNode.Map m => "{\"map\":[" + string.Join(",", m.Pairs.Select(p => "[" + FromNode(p.Key) + "," + FromNode(p.Value) + "]")) + "]}",
        MsgNode.Ext e => "{\"ext\":{\"type\":" + e.Type.ToString(CultureInfo.InvariantCulture) + ",\"data\":\"" + Convert.ToHexString(e.Data) + "\"}}",
        MsgNode.Timestamp t => "{\"timestamp\":{\"sec\":\"" + t.Seconds.ToString(CultureInfo.InvariantCulture) + "\",\"nsec\":" + t.Nanoseconds.ToString(CultureInfo.InvariantCulture) + "}}",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static List<MsgNode> Items(JsonElement array)
    {
        List<MsgNode> items = [];
        foreach (JsonElement item in array.EnumerateArray())
        {
            items.Add(ToNode(item));
        }

        return items;
    }

    private static List<KeyValuePair<MsgNode, MsgNode>> Pairs(JsonElement array)
    {
        List<KeyValuePair<MsgNode, MsgNode>> pairs = [];
        foreach (JsonElement pair in array.EnumerateArray())
        {
            pairs.Add(new(ToNode(pair[0]), ToNode(pair[1])));
        }

        return pairs;
    }
}
