using CiDoctor.Core.Logs;

namespace CiDoctor.Core.Tests.Logs;

public sealed class LogReadersTests
{
    [Fact]
    public void All_EveryCiName_HasOneReaderAndPlainIsLast()
    {
        string[] cis = LogReaders.All.Select(r => r.Ci).ToArray();

        Assert.Equal(cis.Length, cis.Distinct().Count());
        Assert.Equal("plain", cis[^1]);
        foreach (string ci in CiDoctor.Core.Model.Names.CiSystems)
        {
            Assert.NotNull(LogReaders.Find(ci));
        }
    }

    [Fact]
    public void Detect_PlainText_Plain() =>
        Assert.IsType<PlainLogReader>(LogReaders.Detect(["hello", "world"]));

    [Theory]
    [MemberData(nameof(ReaderCorpusTests.Cases), MemberType = typeof(ReaderCorpusTests))]
    public void Detect_CorpusCase_PicksItsOwnReaderOnly(string caseName)
    {
        var head = LogTestKit.Head(caseName);
        string ci = caseName.Split('/')[0];

        var claims = LogReaders.All.Where(r => r.Ci != "plain" && r.Detect(head) > 0).Select(r => r.Ci).ToArray();

        Assert.Equal([ci], claims);
        Assert.Equal(ci, LogReaders.Detect(head).Ci);
    }

    [Fact]
    public void Read_LongAdversarialLines_EveryReaderFinishes()
    {
        const int Repeat = 6000;
        string[] shapes =
        [
            "[ws] $ sh " + string.Concat(Enumerable.Repeat("jenkins ", Repeat)),
            string.Concat(Enumerable.Repeat("section_start:1:", Repeat)),
            "The command \"" + string.Concat(Enumerable.Repeat("\" x", Repeat)),
            "error: " + string.Concat(Enumerable.Repeat("Cannot build '/nix/store/", Repeat)),
            "Stage \"" + string.Concat(Enumerable.Repeat("\" skipped", Repeat)),
            "travis_fold:start:" + new string('x', 60_000),
            string.Concat(Enumerable.Repeat("bws> ", Repeat)),
        ];
        string log = string.Join("\n", shapes) + "\n";

        foreach (var reader in LogReaders.All)
        {
            var result = LogTestKit.ReadText(log, reader.Ci);

            Assert.Equal(shapes.Length, result.Lines.Count);
        }
    }
}
