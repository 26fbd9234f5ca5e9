using System;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class GrainKeyTests
{
    [Fact]
    public void Keys_of_different_kinds_never_compare_equal()
    {
        Assert.NotEqual(GrainKey.From("1"), GrainKey.From(1L));
        Assert.NotEqual(GrainKey.From(Guid.Empty), GrainKey.From(0L));
        Assert.Equal(GrainKey.From("k"), GrainKey.From("k"));
    }

    [Fact]
    public void Reading_a_key_as_the_wrong_kind_says_which_kind_it_is()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainKey.From(5L).AsString());

        Assert.Contains("Long", error.Message);
        Assert.Equal(5L, GrainKey.From(5L).AsLong());
    }

    [Fact]
    public void A_null_string_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => GrainKey.From((string)null!));
    }

    [Fact]
    public void Every_kind_gives_back_exactly_the_key_it_was_made_from()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 100; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var guid = new Guid(bytes);
            var number = random.NextInt64(long.MinValue, long.MaxValue);

            Assert.Equal(guid, GrainKey.From(guid).AsGuid());
            Assert.Equal(guid.ToString("D"), GrainKey.From(guid).ToString());
            Assert.Equal(GrainKeyKind.Guid, GrainKey.From(guid).Kind);
            Assert.Equal(number, GrainKey.From(number).AsLong());
            Assert.Equal(GrainKeyKind.Long, GrainKey.From(number).Kind);
            Assert.Equal(GrainKey.From(guid), GrainKey.From(new Guid(bytes)));
            Assert.Equal(GrainKey.From(guid).GetHashCode(), GrainKey.From(new Guid(bytes)).GetHashCode());
        }
    }

    [Fact]
    public void Keys_that_share_their_payload_words_but_not_their_kind_differ()
    {
        // A Guid whose first eight bytes spell the number 5 and whose others are zero.
        var guid = new Guid([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.NotEqual(GrainKey.From(5L), GrainKey.From(guid));
        Assert.NotEqual(GrainKey.From("L"), GrainKey.From(0L));
        Assert.NotEqual(GrainKey.From("G"), GrainKey.From(Guid.Empty));
        Assert.Equal(GrainKeyKind.String, GrainKey.From("L").Kind);
        Assert.Equal(GrainKeyKind.String, GrainKey.From(new string('G', 1)).Kind);
        Assert.Equal(GrainKeyKind.String, default(GrainKey).Kind);
        Assert.NotEqual(default, GrainKey.From(string.Empty));
    }
}
