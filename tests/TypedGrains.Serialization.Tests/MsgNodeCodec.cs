using System;
using System.Collections.Generic;

namespace TypedGrains.Serialization.Tests;

/// <summary>Reads any value into a <see cref="MsgNode"/> tree and writes a tree back, through the public reader/writer API.</summary>
internal static class MsgNodeCodec
{
    public static MsgNode Read(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return new MsgNode.Nil();
            case MessagePackType.Boolean:
                return new MsgNode.Bool(reader.ReadBoolean());
            case MessagePackType.Integer:
                return reader.NextCode == MessagePackCode.UInt64
                    ? new MsgNode.Int(reader.ReadUInt64())
                    : new MsgNode.Int(reader.ReadInt64());
            case MessagePackType.Float:
                return new MsgNode.Float(reader.ReadDouble());
            case MessagePackType.String:
                return new MsgNode.Str(reader.ReadString()!);
            case MessagePackType.Binary:
                return new MsgNode.Bin(reader.ReadBytes()!);
            case MessagePackType.Array:
            {
                int count = reader.ReadArrayHeader();
                reader.IncreaseDepth();
                List<MsgNode> items = new(count);
                for (int i = 0; i < count; i++)
                {
                    items.Add(Read(ref reader));
                }

                reader.DecreaseDepth();
                return new MsgNode.Arr(items);
            }

            case MessagePackType.Map:
            {
                int count = reader.ReadMapHeader();
                reader.IncreaseDepth();
                List<KeyValuePair<MsgNode, MsgNode>> pairs = new(count);
                for (int i = 0; i < count; i++)
                {
                    MsgNode key = Read(ref reader);
                    pairs.Add(new(key, Read(ref reader)));
                }

                reader.DecreaseDepth();
                return new MsgNode.Map(pairs);
            }

            case MessagePackType.Extension:
            {
                MessagePackReader peek = reader;
                if (peek.ReadExtensionHeader().TypeCode == MessagePackCode.TimestampExtensionType)
                {
                    MessagePackTimestamp timestamp = reader.ReadTimestamp();
                    return new MsgNode.Timestamp(timestamp.Seconds, timestamp.Nanoseconds);
                }

                byte[] data = reader.ReadExtension(out sbyte type);
                return new MsgNode.Ext(type, data);
            }

            default:
                throw new InvalidOperationException("NextMessagePackType returned an unknown family.");
        }
    }

    public static void Write(ref MessagePackWriter writer, MsgNode node)
    {
        switch (node)
        {
            case MsgNode.Nil:
                writer.WriteNil();
                break;
            case MsgNode.Bool b:
                writer.WriteBoolean(b.Value);
                break;
            case MsgNode.Int i when i.Value < 0:
                writer.WriteInt64((long)i.Value);
                break;
            case MsgNode.Int i:
                writer.WriteUInt64((ulong)i.Value);
                break;
            case MsgNode.Float f:
                writer.WriteDouble(f.Value);
                break;
            case MsgNode.Str s:
                writer.WriteString(s.Value);
                break;
            case MsgNode.Bin bin:
                writer.WriteBinary(bin.Value.AsSpan());
                break;
            case MsgNode.Arr arr:
                writer.WriteArrayHeader(arr.Items.Count);
                foreach (MsgNode item in arr.Items)
                {
                    Write(ref writer, item);
                }

                break;
            case MsgNode.Map map:
                writer.WriteMapHeader(map.Pairs.Count);
                foreach (KeyValuePair<MsgNode, MsgNode> pair in map.Pairs)
                {
                    Write(ref writer, pair.Key);
                    Write(ref writer, pair.Value);
                }

                break;
            case MsgNode.Ext ext:
                writer.WriteExtension(ext.Type, ext.Data);
                break;
            case MsgNode.Timestamp ts:
                writer.WriteTimestamp(new MessagePackTimestamp(ts.Seconds, ts.Nanoseconds));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown node.");
        }
    }

    public static byte[] ToBytes(MsgNode node) => Pack.Write((ref MessagePackWriter w) => Write(ref w, node));

    public static MsgNode FromBytes(ReadOnlySpan<byte> data)
    {
        MessagePackReader reader = new(data);
        MsgNode node = Read(ref reader);
        if (!reader.End)
        {
            throw new InvalidOperationException($"{reader.Remaining} byte(s) follow the value.");
        }

        return node;
    }
}
