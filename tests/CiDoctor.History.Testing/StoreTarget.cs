namespace CiDoctor.History.Testing;

/// <summary>An empty database for one test, of one kind (SQLite file, PostgreSQL schema), removed on dispose.</summary>
public abstract class StoreTarget : IDisposable
{
    /// <summary>Opens (creating and migrating) the store; each call is a new store on the same database.</summary>
    public abstract IRunStore Open();

    /// <summary>The <c>--db</c> value that names the same database.</summary>
    public abstract string Spec { get; }

    /// <summary>The migration dialect.</summary>
    public abstract string Dialect { get; }

    /// <summary>Runs a scalar query on the database, outside the store.</summary>
    public abstract long Scalar(string sql);

    /// <summary>Removes the database.</summary>
    public abstract void Dispose();
}
