using CiDoctor.Env.Evidence;

namespace CiDoctor.Environment.Tests;

/// <summary>Tool names from the messages shells, git and runtimes really print when a tool is missing.</summary>
public class ToolMentionsTests
{
    [Theory]
    [InlineData("git: 'lfs' is not a git command. See 'git --help'.", "git-lfs")]
    [InlineData("bash: jq: command not found", "jq")]
    [InlineData("/home/runner/work/_temp/abc.sh: line 3: nix: command not found", "nix")]
    [InlineData("/bin/sh: 1: cachix: not found", "cachix")]
    [InlineData("/usr/bin/env: 'python': No such file or directory", "python")]
    [InlineData("exec: \"docker\": executable file not found in $PATH", "docker")]
    [InlineData("'node' is not recognized as an internal or external command,", "node")]
    [InlineData("java.io.IOException: Cannot run program \"/usr/local/bin/terraform\": error=2, No such file or directory", "terraform")]
    [InlineData("Error: spawn yarn ENOENT", "yarn")]
    [InlineData("which: no gcc in (/usr/local/bin:/usr/bin)", "gcc")]
    public void In_RealMessages_NamesTheTool(string line, string tool) => Assert.Equal([tool], ToolMentions.In(line));

    [Theory]
    [InlineData("error: could not find Cargo.toml")]
    [InlineData("test result: 12 passed; 0 failed")]
    [InlineData("warning: commit not found in cache, building")]
    public void In_OtherLines_NamesNothing(string line) => Assert.Empty(ToolMentions.In(line));
}
