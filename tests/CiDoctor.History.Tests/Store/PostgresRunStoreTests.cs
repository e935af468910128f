using CiDoctor.History.Testing;

namespace CiDoctor.History.Tests.Store;

/// <summary>The store contract on PostgreSQL; skipped, with the reason shown, without CIDOCTOR_TEST_POSTGRES.</summary>
[RequiresEnvironment(PostgresTarget.EnvVar, PostgresTarget.SkipReason)]
public sealed class PostgresRunStoreTests : RunStoreContract
{
    protected override StoreTarget CreateTarget() => new PostgresTarget();
}
