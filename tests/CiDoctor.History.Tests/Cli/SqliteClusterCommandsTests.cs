using CiDoctor.History.Tests.Store;

namespace CiDoctor.History.Tests.Cli;

/// <summary>The cluster commands against SQLite (always runs).</summary>
public sealed class SqliteClusterCommandsTests : ClusterCommandsContract
{
    protected override StoreTarget CreateTarget() => new SqliteTarget();
}
