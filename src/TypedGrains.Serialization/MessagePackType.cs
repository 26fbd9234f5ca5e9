namespace TypedGrains.Serialization;

/// <summary>The family of a MessagePack value, as told by its first byte.</summary>
public enum MessagePackType
{
    /// <summary>The reserved code 0xc1, which never starts a valid value.</summary>
    Unknown = 0,

    /// <summary>nil (0xc0).</summary>
    Nil,

    /// <summary>false or true (0xc2, 0xc3).</summary>
    Boolean,

    /// <summary>positive/negative fixint, uint 8–64, int 8–64.</summary>
    Integer,

    /// <summary>float 32 or float 64.</summary>
    Float,

    /// <summary>fixstr, str 8/16/32.</summary>
    String,

    /// <summary>bin 8/16/32.</summary>
    Binary,

    /// <summary>fixarray, array 16/32.</summary>
    Array,

    /// <summary>fixmap, map 16/32.</summary>
    Map,

    /// <summary>fixext 1/2/4/8/16, ext 8/16/32 (the timestamp is the extension of type -1).</summary>
    Extension,
}
