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
}
