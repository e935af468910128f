using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Tests.Matching;

/// <summary>What two runs of one job print differently is masked, the rest is kept.</summary>
public class LineMaskerTests
{
    [Theory]
    [InlineData("took 12.3s in /tmp/tmp.Ab12Cd", "took #.#s in /tmp/#")]
    [InlineData("  request 550e8400-e29b-41d4-a716-446655440000 failed  ", "request # failed")]
    [InlineData("HEAD is now at 3f9a2c1 Fix parser", "HEAD is now at # Fix parser")]
    [InlineData("copying path '/nix/store/4lbpwcr198x7s1n5fsws91k5wlh08kby-etcd-3.5.18'", "copying path '/nix/store/#-etcd-#.#.#'")]
    [InlineData("segfault at 0x7ffd1c2e pc 0x00401a2b", "segfault at # pc #")]
    [InlineData("Ran 214 tests in C:\\Temp/pytest-17/", "Ran # tests in C:\\Temp/#")]
    [InlineData("error TS2307: Cannot find module", "error TS#: Cannot find module")]
    [InlineData("effaced deadline", "effaced deadline")]
    public void Mask_VolatileParts(string line, string masked) => Assert.Equal(masked, LineMasker.Mask(line));

    [Fact]
    public void MaskedHash_EqualForLinesThatDifferOnlyInVolatileParts()
    {
        Assert.Equal(LineMasker.MaskedHash("Downloaded 12 MB in 3.2s"), LineMasker.MaskedHash("Downloaded 14 MB in 2.9s"));
        Assert.NotEqual(LineMasker.MaskedHash("Downloaded 12 MB"), LineMasker.MaskedHash("Uploaded 12 MB"));
        // The hash is the hash of the masked text: masking twice changes nothing.
        Assert.Equal(LineMasker.MaskedHash("x 1"), LineMasker.MaskedHash("x #"));
    }
}
