namespace CiDoctor.Testing;

/// <summary>Paths of the repository the tests run from (samples, catalog, shared evaluation data).</summary>
public static class Repo
{
    /// <summary>The folder holding CiDoctor.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared evaluation data (../shared/eval/dev), or null when this checkout has none.</summary>
    public static string? EvalDev
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "dev"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>The reference scorer (../shared/eval/score.py), or null when this checkout has none.</summary>
    public static string? EvalScorer
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "score.py"));
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>The design contract (../shared/DESIGN.md), or null when this checkout has none (CI may build a clean clone).</summary>
    public static string? DesignDoc
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "DESIGN.md"));
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Replaces the repository path in text with <c>&lt;repo&gt;</c> so golden files do not depend on the checkout location.</summary>
    public static string Scrub(string text) => text.Replace(Root, "<repo>", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiDoctor.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("CiDoctor.slnx not found above " + AppContext.BaseDirectory);
    }
}
