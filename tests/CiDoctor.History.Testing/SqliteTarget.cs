using CiDoctor.History.Sqlite;
using CiDoctor.Testing;
using Microsoft.Data.Sqlite;

namespace CiDoctor.History.Testing;

/// <summary>A database file in a fresh temp folder (not created until the store opens it).</summary>
public sealed class SqliteTarget : StoreTarget
{
    private readonly TempDir _dir = new();

    public override string Spec => _dir.File("history.db");

    public override string Dialect => "Sqlite";

    public override IRunStore Open() => SqliteRunStore.Open(Spec);

    public override long Scalar(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Spec};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public override void Dispose() => _dir.Dispose();
}
