using System.Data;
using System.Data.Common;
using System.Text;
using CiDoctor.Core;
using CiDoctor.History.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CiDoctor.History.Sqlite;

/// <summary>
/// The embedded store: one SQLite file. A file that exists but is not an SQLite database, or is
/// one with other tables and no CiDoctor schema, is refused before anything is written to it.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private readonly string _connectionString;

    private SqliteRunStore(string path, bool readOnly)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // Each operation opens the file anew; pooled handles would outlive the store and a test's temp folder.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    public override string Where => Path;

    /// <summary>Opens (creating it when absent) and migrates the database file.</summary>
    public static SqliteRunStore Open(string path, TimeProvider? time = null)
    {
        var store = new SqliteRunStore(path, readOnly: false);
        store.RefuseForeignFile();
        string? folder = System.IO.Path.GetDirectoryName(store.Path);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        store.Migrate(time ?? TimeProvider.System);
        return store;
    }

    /// <summary>Opens an existing database for reading only: nothing is created or migrated.</summary>
    public static SqliteRunStore OpenReadOnly(string path)
    {
        var store = new SqliteRunStore(path, readOnly: true);
        if (!File.Exists(store.Path))
        {
            throw new CiDoctorException($"history database {store.Path}: no such file; record runs first with 'cidoctor history add RUN --db {path}'");
        }
        store.RefuseForeignFile();
        store.Run(() =>
        {
            using var c = store.Connect();
            bool hasVersions = c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") > 0;
            Migrations.CheckReadable(c, "Sqlite", store.Path, hasVersions);
        });
        return store;
    }

    protected override DbConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    // BEGIN IMMEDIATE: take the write lock first, so two writers wait for each other (busy timeout)
    // instead of both reading and then failing to upgrade to a write lock.
    protected override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);

    protected override string InIds(string column) => $"{column} IN @ids";

    protected override bool IsUniqueViolation(DbException e) => e is SqliteException { SqliteErrorCode: 19 };

    protected override string Hint(DbException e) =>
        "check that the file is a readable CiDoctor history database, or pass another --db FILE (the file was left as it is)";

    private void Migrate(TimeProvider time) => Run(() =>
    {
        using var c = Connect();
        using var tx = BeginWrite(c);
        bool hasVersions = c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", transaction: tx) > 0;
        long others = c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'", transaction: tx);
        if (!hasVersions && others > 0)
        {
            throw new CiDoctorException($"history database {Path}: an SQLite database of something else (it has tables but no CiDoctor schema); pass another --db FILE (the file was left as it is)");
        }
        Migrations.Apply(c, tx, "Sqlite", Path, time);
        tx.Commit();
    });

    // Only an empty file or one with SQLite's header is opened: SQLite would take any other file as
    // corrupt, and nothing may be written over a file the user pointed at by mistake.
    private void RefuseForeignFile()
    {
        if (!File.Exists(Path))
        {
            return;
        }
        byte[] head = new byte[Header.Length];
        int n;
        try
        {
            using var stream = File.OpenRead(Path);
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CiDoctorException($"history database {Path}: cannot read it ({e.Message}); check its permissions or pass another --db FILE", e);
        }
        if (n > 0 && (n < Header.Length || !head.AsSpan().SequenceEqual(Header)))
        {
            throw new CiDoctorException($"history database {Path}: not an SQLite database; pass another --db FILE (the file was left as it is)");
        }
    }

    private void Run(Action action)
    {
        try
        {
            action();
        }
        catch (SqliteException e)
        {
            throw new CiDoctorException($"history database {Path}: {e.Message.ReplaceLineEndings(" ")}; {Hint(e)}", e);
        }
    }
}
