using CiDoctor.History.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>The history commands against SQLite (always runs).</summary>
public sealed class SqliteHistoryCommandsTests : HistoryCommandsContract
{
    protected override StoreTarget CreateTarget() => new SqliteTarget();
}
