using CiDoctor.History.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>The history commands against PostgreSQL; skipped, with the reason shown, without CIDOCTOR_TEST_POSTGRES.</summary>
[RequiresEnvironment(PostgresTarget.EnvVar, PostgresTarget.SkipReason)]
public sealed class PostgresHistoryCommandsTests : HistoryCommandsContract
{
    protected override StoreTarget CreateTarget() => new PostgresTarget();
}
