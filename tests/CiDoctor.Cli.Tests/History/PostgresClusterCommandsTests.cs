using CiDoctor.History.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>The cluster commands against PostgreSQL; skipped, with the reason shown, without CIDOCTOR_TEST_POSTGRES.</summary>
[RequiresEnvironment(PostgresTarget.EnvVar, PostgresTarget.SkipReason)]
public sealed class PostgresClusterCommandsTests : ClusterCommandsContract
{
    protected override StoreTarget CreateTarget() => new PostgresTarget();
}
