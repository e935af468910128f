namespace CiDoctor.Core.Logs;

/// <summary>The known log formats and format detection.</summary>
internal static class LogReaders
{
    /// <summary>Lines of the head that detection looks at.</summary>
    public const int DetectLines = 200;

    // Anchors into a job page say whose page it was about as surely as one of the page's markers.
    private const int PageAnchorScore = 40;

    /// <summary>
    /// Every reader, most specific first, plain text last. Detection takes the highest score and,
    /// on a tie, the earlier reader. CI formats score their own markers (up to 90–100); Nix and
    /// Drone, whose output also appears inside other CI logs, score at most 40 and 50.
    /// </summary>
    public static IReadOnlyList<ILogReader> All { get; } =
    [
        new GitLabLogReader(),
        new ForgejoLogReader(),
        new GitHubLogReader(),
        new JenkinsLogReader(),
        new TravisLogReader(),
        new BuildkiteLogReader(),
        new DroneLogReader(),
        new NixLogReader(),
        new PlainLogReader(),
    ];

    /// <summary>The reader for a CI name, or null when there is none.</summary>
    public static ILogReader? Find(string ci)
    {
        // Gitea Actions runs the same act_runner as Forgejo and writes the same log format.
        string name = ci == "gitea" ? "forgejo" : ci;
        return All.FirstOrDefault(r => r.Ci == name);
    }

    /// <summary>
    /// The reader whose format the head looks most like; plain text when none claims it. A copy
    /// from a job page is judged without the line numbers and anchors the page glued into it.
    /// </summary>
    public static ILogReader Detect(IReadOnlyList<string> head)
    {
        var shape = CopyShape.Detect(head);
        return DetectUnglued(shape.Apply(head), shape);
    }

    /// <summary>
    /// <see cref="Detect"/> on a head whose copy residue was removed already. Line anchors that
    /// link to a CI system's job page count as one of that format's markers.
    /// </summary>
    internal static ILogReader DetectUnglued(IReadOnlyList<string> head, CopyShape shape)
    {
        ILogReader best = All[^1];
        int bestScore = 0;
        foreach (var reader in All)
        {
            int score = reader.Detect(head) + (reader.Ci == shape.Page ? PageAnchorScore : 0);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }
        return best;
    }
}
