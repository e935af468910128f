using System.Data.Common;
using CiDoctor.Core;
using CiDoctor.History.Store;
using Dapper;
using Npgsql;

namespace CiDoctor.History.Postgres;

/// <summary>
/// The team store: a PostgreSQL database shared by several CiDoctor processes. Migrations run
/// under a transaction-scoped advisory lock, so two processes opening a new database at once
/// apply each script once.
/// </summary>
public sealed class PostgresRunStore : SqlRunStore
{
    // Any constant shared by every CiDoctor build; "cidm" in ASCII.
    private const long MigrationLock = 0x6369646d;
    private readonly string _connectionString;
    private readonly string _where;

    private PostgresRunStore(NpgsqlConnectionStringBuilder builder)
    {
        _connectionString = builder.ConnectionString;
        _where = $"postgres {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public override string Where => _where;

    /// <summary>Connects and migrates; <paramref name="connectionString"/> is an Npgsql connection string.</summary>
    public static PostgresRunStore Open(string connectionString, TimeProvider? time = null)
    {
        var store = new PostgresRunStore(Parse(connectionString));
        store.Run(() =>
        {
            using var c = store.Connect();
            using var tx = c.BeginTransaction();
            c.Execute("SELECT pg_advisory_xact_lock(@MigrationLock)", new { MigrationLock }, tx);
            Migrations.Apply(c, tx, "Postgres", store.Where, time ?? TimeProvider.System);
            tx.Commit();
        });
        return store;
    }

    /// <summary>Connects for reading only: nothing is created or migrated.</summary>
    public static PostgresRunStore OpenReadOnly(string connectionString)
    {
        var store = new PostgresRunStore(Parse(connectionString));
        store.Run(() =>
        {
            using var c = store.Connect();
            bool hasVersions = c.ExecuteScalar<bool>("SELECT to_regclass('schema_version') IS NOT NULL");
            Migrations.CheckReadable(c, "Postgres", store.Where, hasVersions);
        });
        return store;
    }

    protected override DbConnection Connect()
    {
        var c = new NpgsqlConnection(_connectionString);
        c.Open();
        return c;
    }

    protected override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    protected override string InIds(string column) => $"{column} = ANY(@ids)";

    protected override bool IsUniqueViolation(DbException e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override string Hint(DbException e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            "check the user and password in --db or CIDOCTOR_DB",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } => "create the database first (createdb), or name another one",
        PostgresException => "check that the user may create and write tables in this database",
        _ => "check that PostgreSQL runs at that host and port and accepts connections, or pass another --db",
    };

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new CiDoctorException($"--db: not a valid PostgreSQL connection string ({e.Message.Split('\n')[0]}); use postgres://user:pass@host:port/db or Host=…;Database=…", e);
        }
    }

    private void Run(Action action)
    {
        try
        {
            action();
        }
        catch (NpgsqlException e)
        {
            throw new CiDoctorException($"history database {Where}: {e.Message.ReplaceLineEndings(" ")}; {Hint(e)}", e);
        }
    }
}
