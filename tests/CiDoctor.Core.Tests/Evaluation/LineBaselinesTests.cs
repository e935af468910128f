using CiDoctor.Core.Evaluation;

namespace CiDoctor.Core.Tests.Evaluation;

public class LineBaselinesTests
{
    private static readonly string[] Fail = ["start", "", "warning: slow 3", "error: one", "ok 12", "  ", "FAILED two", "done 7"];

    [Fact]
    public void Pick_NoPassLog_TailAndKeywordOnly()
    {
        var picked = LineBaselines.Pick(Fail, null, 2);

        Assert.Equal(["tail", "keyword"], picked.Select(p => p.Name));
        Assert.Equal([7L, 8L], picked[0].Lines);
        Assert.Equal([4L, 7L], picked[1].Lines);
    }

    [Fact]
    public void Pick_ShortK_LastKLines()
    {
        var picked = LineBaselines.Pick(Fail, null, 1);

        Assert.Equal([8L], picked[0].Lines);
        Assert.Equal([7L], picked[1].Lines);
    }

    [Fact]
    public void Pick_PassLog_DiffIsFirstNewLinesAfterMasking()
    {
        string[] pass = ["2024-01-01T00:00:00Z start", "ok 99", "warning: slow 1", "done 1", "FAILED one"];

        var picked = LineBaselines.Pick(Fail, pass, 10).ToDictionary(p => p.Name, p => p.Lines);

        Assert.Equal([4L, 7L], picked["diff"]);
        Assert.Equal([4L, 7L], picked["diff+keyword"]);
    }

    [Fact]
    public void Pick_PassLogLacksWarning_DiffKeywordSkipsIt()
    {
        string[] pass = ["start", "ok 1", "done 2"];

        var picked = LineBaselines.Pick(Fail, pass, 2).ToDictionary(p => p.Name, p => p.Lines);

        Assert.Equal([3L, 4L], picked["diff"]);
        Assert.Equal([4L, 7L], picked["diff+keyword"]);
    }
}
