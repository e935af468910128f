using CiDoctor.History.Tests.Store;

namespace CiDoctor.History.Tests.Cli;

/// <summary>The history commands against SQLite (always runs).</summary>
public sealed class SqliteHistoryCommandsTests : HistoryCommandsContract
{
    protected override StoreTarget CreateTarget() => new SqliteTarget();
}
