using System.Text;
using System.Text.RegularExpressions;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>Reads corpus cases and inline logs through the real session, for the reader tests.</summary>
internal static class LogTestKit
{
    public static string CorpusRoot { get; } = Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <summary>Every corpus case as <c>ci/case</c>, sorted.</summary>
    public static IReadOnlyList<string> Cases() =>
        Directory.GetDirectories(CorpusRoot)
            .SelectMany(Directory.GetDirectories)
            .Where(d => File.Exists(Path.Combine(d, "job.log")))
            .Select(d => Path.GetRelativePath(CorpusRoot, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string LogPath(string caseName) => Path.Combine(CorpusRoot, caseName, "job.log");

    /// <summary>The head lines detection sees, as <see cref="LogReadSession"/> takes them.</summary>
    public static IReadOnlyList<string> Head(string caseName)
    {
        byte[] bytes = File.ReadAllBytes(LogPath(caseName));
        return LogReadSession.HeadLines(bytes.Length > 64 * 1024 ? bytes[..(64 * 1024)] : bytes);
    }

    /// <summary>Reads a corpus case with auto-detection (or the given CI).</summary>
    public static ReadResult ReadCase(string caseName, string? ci = null) =>
        Read(LogSource.FromFile(LogPath(caseName), caseName + "/job.log"), ci);

    /// <summary>Reads an inline log given as text (line ends as written).</summary>
    public static ReadResult ReadText(string text, string? ci = null, string name = "job.log") =>
        Read(new LogSource(name, name, () => new MemoryStream(Encoding.UTF8.GetBytes(text))), ci);

    public static ReadResult Read(LogSource source, string? ci)
    {
        using var session = new LogReadSession(source, ci);
        var lines = session.ReadLines().ToList();
        return new ReadResult(session.Reader, lines, session.Result);
    }

    /// <summary>The file's lines split with universal line ends, independently of <see cref="LineSplitter"/>.</summary>
    public static string[] RawLines(string caseName)
    {
        string text = File.ReadAllText(LogPath(caseName), Encoding.UTF8);
        var lines = Regex.Split(text, "\r\n|\r|\n");
        return text.EndsWith('\n') || text.EndsWith('\r') ? lines[..^1] : lines;
    }

    /// <summary>Asserts that a reader does not claim any corpus log of another CI system.</summary>
    public static void AssertIgnoresOtherFormats(ILogReader reader)
    {
        foreach (string caseName in Cases().Where(c => !c.StartsWith(reader.Ci + "/", StringComparison.Ordinal)))
        {
            int score = reader.Detect(Head(caseName));
            Assert.True(score == 0, $"{reader.Ci} scored {score} on {caseName}");
        }
    }

    public sealed record ReadResult(ILogReader Reader, IReadOnlyList<LogLine> Lines, JobLog Job)
    {
        public LogLine Line(string text) => Lines.First(l => l.Text == text);

        public string? FailedStepName => Job.FailedStep is int f ? Job.Steps[f].Name : null;

        public string[] StepNames => Job.Steps.Select(s => s.Name).ToArray();
    }
}
