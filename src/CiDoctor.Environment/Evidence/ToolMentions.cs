using System.Text.RegularExpressions;

namespace CiDoctor.Env.Evidence;

/// <summary>
/// The tools a log line says could not be run, in the words shells, git and runtimes really use:
/// <c>bash: jq: command not found</c>, <c>git: 'lfs' is not a git command</c> (git-lfs),
/// <c>/bin/sh: 1: nix: not found</c>, <c>exec: "docker": executable file not found in $PATH</c>, ….
/// </summary>
public static partial class ToolMentions
{
    public static IEnumerable<string> In(string line)
    {
        foreach (var regex in Patterns)
        {
            foreach (Match m in regex.Matches(line))
            {
                string tool = m.Groups["sub"].Success ? "git-" + m.Groups["sub"].Value : Path.GetFileName(m.Groups["tool"].Value);
                if (tool.Length > 0)
                {
                    yield return tool;
                }
            }
        }
    }

    private static readonly Regex[] Patterns =
    [
        GitSubcommand(), CommandNotFound(), ShNotFound(), EnvNoSuchFile(), GoExec(), WindowsNotRecognized(), JavaCannotRun(), NodeSpawn(), WhichNo(),
    ];

    [GeneratedRegex(@"\bgit: '(?<sub>[\w.-]+)' is not a git command", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GitSubcommand();

    [GeneratedRegex(@"(?:^|[\s:])(?<tool>[\w.+/-]+): command not found", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommandNotFound();

    [GeneratedRegex(@"\bsh: (?:line )?\d+: (?<tool>[\w.+/-]+): not found", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ShNotFound();

    [GeneratedRegex(@"\benv: '?(?<tool>[\w.+/-]+)'?: No such file or directory", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EnvNoSuchFile();

    [GeneratedRegex(@"exec: ""(?<tool>[\w.+/-]+)"": executable file not found in \$PATH", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GoExec();

    [GeneratedRegex(@"'(?<tool>[\w.+-]+)' is not recognized as an internal or external command", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WindowsNotRecognized();

    [GeneratedRegex(@"Cannot run program ""(?<tool>[^""]+)""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex JavaCannotRun();

    [GeneratedRegex(@"\bspawn (?<tool>[\w.+/-]+) ENOENT", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NodeSpawn();

    [GeneratedRegex(@"\bwhich: no (?<tool>[\w.+-]+) in \(", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WhichNo();
}
