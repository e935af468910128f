using CiDoctor.History.Testing;

namespace CiDoctor.History.Tests.Store;

/// <summary>The store contract on SQLite (always runs).</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    protected override StoreTarget CreateTarget() => new SqliteTarget();
}
