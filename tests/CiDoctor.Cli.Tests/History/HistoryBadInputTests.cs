using CiDoctor.History.Sqlite;
using CiDoctor.Testing;
using Microsoft.Data.Sqlite;

namespace CiDoctor.Cli.Tests.History;

/// <summary>DESIGN.md "Bad input": a wrong store is one line on stderr and exit code 2, and the file named is never clobbered.</summary>
public sealed class HistoryBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void HistoryAdd_DbIsATextFile_RefusesInOneLineAndLeavesItAsItWas()
    {
        string notes = _dir.Write("notes.txt", "my precious notes\n");
        string run = _dir.Write("job.log", "error: boom\n");

        var result = CliRunner.Run("history", "add", run, "--db", notes);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cidoctor: history database {notes}: not an SQLite database; pass another --db FILE (the file was left as it is)", Assert.Single(result.StderrLines));
        Assert.Equal("my precious notes\n", File.ReadAllText(notes));
    }

    [Fact]
    public void HistoryAdd_DbIsAnotherProgramsSqliteDatabase_RefusesAndAddsNoTables()
    {
        string other = _dir.File("app.db");
        using (var c = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            c.Open();
            using var create = c.CreateCommand();
            create.CommandText = "CREATE TABLE users (id INTEGER)";
            create.ExecuteNonQuery();
        }
        byte[] before = File.ReadAllBytes(other);

        var result = CliRunner.Run("history", "add", _dir.Write("job.log", "error: boom\n"), "--db", other);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("an SQLite database of something else", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(other));
    }

    [Fact]
    public void HistoryFlaky_NoDatabaseFile_SaysHowToCreateOne()
    {
        string missing = _dir.File("none.db");

        var result = CliRunner.Run("history", "flaky", "--db", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cidoctor: history database {missing}: no such file; record runs first with 'cidoctor history add RUN --db {missing}'", Assert.Single(result.StderrLines));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Diagnose_UnreachablePostgres_OneLineWithoutThePassword()
    {
        string run = _dir.Write("job.log", "error: boom\n");

        var result = CliRunner.Run("diagnose", run, "--db", "postgres://ci:s3cret@127.0.0.1:1/history");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("cidoctor: history database postgres 127.0.0.1:1/history: ", line, StringComparison.Ordinal);
        Assert.EndsWith("check that PostgreSQL runs at that host and port and accepts connections, or pass another --db", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history clusters")]
    [InlineData("catalog suggest --out DRAFTS")]
    public void ClustersAndSuggest_NoDatabaseFile_OneLineExit2_CreateNothing(string command)
    {
        string missing = _dir.File("none.db");
        string drafts = _dir.File("drafts");
        string[] args = [.. command.Split(' ').Select(a => a == "DRAFTS" ? drafts : a), "--db", missing];

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cidoctor: history database {missing}: no such file; record runs first with 'cidoctor history add RUN --db {missing}'", Assert.Single(result.StderrLines));
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(drafts));
    }

    [Theory]
    [InlineData("history", "clusters")]
    [InlineData("catalog", "suggest")]
    public void ClustersAndSuggest_DbIsNotADatabase_OneLineExit2_FileUntouched(string command, string verb)
    {
        string notes = _dir.Write("notes.txt", "my precious notes\n");

        var result = CliRunner.Run(command, verb, "--db", notes);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cidoctor: history database {notes}: not an SQLite database; pass another --db FILE (the file was left as it is)", Assert.Single(result.StderrLines));
        Assert.Equal("my precious notes\n", File.ReadAllText(notes));
    }

    [Fact]
    public void HistoryClusters_SinceNotADate_IsRefused()
    {
        var result = CliRunner.Run("history", "clusters", "--since", "last tuesday", "--db", _dir.File("h.db"));
        Assert.Equal((2, "cidoctor: --since last tuesday: not a date; use YYYY-MM-DD or an ISO 8601 time such as 2026-03-01T12:00:00Z"),
            (result.ExitCode, Assert.Single(result.StderrLines)));
    }

    [Fact]
    public void HistoryFlaky_WindowZero_IsRefused()
    {
        var result = CliRunner.Run("history", "flaky", "--window", "0", "--db", _dir.File("h.db"));
        Assert.Equal((2, "cidoctor: --window 0: must be at least 1 run"), (result.ExitCode, Assert.Single(result.StderrLines)));
    }

    [Fact]
    public void OpenReadOnly_ADatabaseMigratedByNothing_SaysItHoldsNoHistory()
    {
        // An empty SQLite file (e.g. touched by hand) is not a history yet.
        string empty = _dir.Write("empty.db", []);
        var e = Assert.Throws<Core.CiDoctorException>(() => SqliteRunStore.OpenReadOnly(empty));
        Assert.Contains("holds no CiDoctor history", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
