using CiDoctor.History.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>The cluster commands against SQLite (always runs).</summary>
public sealed class SqliteClusterCommandsTests : ClusterCommandsContract
{
    protected override StoreTarget CreateTarget() => new SqliteTarget();
}
