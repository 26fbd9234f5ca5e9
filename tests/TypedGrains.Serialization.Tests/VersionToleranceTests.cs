using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>The version-tolerance rules of docs/serialization.md, with two versions of the same type side by side.</summary>
public sealed class VersionToleranceTests
{
    [Fact]
    public void Old_data_read_by_a_type_with_an_appended_member_gets_the_parameter_default()
    {
        byte[] old = Formatted.Bytes(new ProfileV1("ann", 42));

        ProfileV2 read = Formatted.Read<ProfileV2>(old);

        Assert.Equal(new ProfileV2("ann", 42, "none", null), read);
    }

    [Fact]
    public void New_data_read_by_the_old_type_skips_the_appended_members()
    {
        byte[] newer = Formatted.Bytes(new ProfileV2("bob", 7, "b@example.org", ["x", "y"]));

        ProfileV1 read = Formatted.Read<ProfileV1>(newer);

        Assert.Equal(new ProfileV1("bob", 7), read);
    }

    [Fact]
    public void A_removed_keyed_member_leaves_a_nil_hole_that_old_readers_read_as_missing()
    {
        byte[] newer = Formatted.Bytes(new KeyedV2("a", "c", 9));
        Assert.Equal("94a161c0a16309", Hex.Of(newer));

        KeyedV1 old = Formatted.Read<KeyedV1>(newer);

        Assert.Equal(new KeyedV1("a", 0, "c"), old);
    }

    [Fact]
    public void Old_keyed_data_read_by_the_new_type_skips_the_removed_key_and_defaults_the_added_one()
    {
        byte[] old = Formatted.Bytes(new KeyedV1("a", 5, "c"));

        KeyedV2 read = Formatted.Read<KeyedV2>(old);

        Assert.Equal(new KeyedV2("a", "c", 7), read);
    }

    [Fact]
    public void Settable_members_missing_from_old_data_keep_their_initializers()
    {
        // An Inventory written before Items and Version existed: just the warehouse name.
        byte[] old = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteString("west");
        });

        Inventory read = Formatted.Read<Inventory>(old);

        Assert.Equal("west", read.Warehouse);
        Assert.Empty(read.Items);
        Assert.Equal(0, read.Version);
    }
    [Fact]
    public void Init_only_and_settable_members_missing_from_a_shorter_array_keep_their_initializers()
    {
        // A Subscriber written when it had only its name.
        byte[] old = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(1);
            w.WriteString("ann");
        });

        Subscriber read = Formatted.Read<Subscriber>(old);

        Assert.Equal("ann", read.Name);
        Assert.Equal("none", read.Email);
        Assert.Equal(5, read.Version);
        Assert.Equal(0, read.Tier);
        Assert.Equal(Priority.High, read.Level);
    }

    [Fact]
    public void Nil_holes_for_value_type_members_keep_their_initializers_and_nil_for_a_reference_type_is_null()
    {
        byte[] holes = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(5);
            w.WriteString("bob");
            w.WriteNil();
            w.WriteNil();
            w.WriteInt32(2);
            w.WriteNil();
        });

        Subscriber read = Formatted.Read<Subscriber>(holes);

        Assert.Null(read.Email);
        Assert.Equal(5, read.Version);
        Assert.Equal(2, read.Tier);
        Assert.Equal(Priority.High, read.Level);
    }

    [Fact]
    public void Members_present_in_the_data_override_the_initializers()
    {
        var value = new Subscriber("cy") { Email = null, Version = 0, Tier = 9, Level = Priority.Low };

        Subscriber read = Formatted.RoundTrip(value);

        Assert.Equal(value, read);
    }

    [Fact]
    public void A_class_with_init_only_members_keeps_their_initializers_for_missing_members_and_holes()
    {
        byte[] empty = Pack.Write((ref MessagePackWriter w) => w.WriteArrayHeader(0));
        byte[] holes = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(3);
            w.WriteString("dee");
            w.WriteNil();
            w.WriteNil();
        });

        Mailbox fromEmpty = Formatted.Read<Mailbox>(empty);
        Mailbox fromHoles = Formatted.Read<Mailbox>(holes);
        Mailbox full = Formatted.RoundTrip(new Mailbox { Owner = "eve", Limit = 1, Used = 0 });

        Assert.Equal(("nobody", 100, 3), (fromEmpty.Owner, fromEmpty.Limit, fromEmpty.Used));
        Assert.Equal(("dee", 100, 3), (fromHoles.Owner, fromHoles.Limit, fromHoles.Used));
        Assert.Equal(("eve", 1, 0), (full.Owner, full.Limit, full.Used));
    }
}
