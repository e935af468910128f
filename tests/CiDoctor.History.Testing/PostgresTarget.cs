using CiDoctor.History.Postgres;
using Npgsql;

namespace CiDoctor.History.Testing;

/// <summary>
/// A fresh schema in the PostgreSQL database CIDOCTOR_TEST_POSTGRES names (an Npgsql connection
/// string or a postgres:// URL), made the store's search path, dropped on dispose: tests run in
/// parallel without seeing each other's tables.
/// </summary>
public sealed class PostgresTarget : StoreTarget
{
    public const string EnvVar = "CIDOCTOR_TEST_POSTGRES";
    public const string SkipReason = "CIDOCTOR_TEST_POSTGRES is not set: the PostgreSQL store tests need a server (.ci/run starts one)";
    private readonly string _admin;
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    public PostgresTarget()
    {
        string value = Environment.GetEnvironmentVariable(EnvVar) ?? throw new InvalidOperationException(SkipReason);
        _admin = RunStores.PostgresConnectionString(value) ?? value;
        Execute($"CREATE SCHEMA {_schema}");
        Spec = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema }.ConnectionString;
    }

    public override string Spec { get; }

    public override string Dialect => "Postgres";

    public override IRunStore Open() => PostgresRunStore.Open(Spec);

    public override long Scalar(string sql)
    {
        using var c = new NpgsqlConnection(Spec);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void Dispose() => Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    private void Execute(string sql)
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
