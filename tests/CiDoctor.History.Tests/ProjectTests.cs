namespace CiDoctor.History.Tests;

/// <summary>The history library loads with its database drivers (a broken package pin fails here first).</summary>
public class ProjectTests
{
    [Fact]
    public void DatabaseDrivers_Load()
    {
        Assert.Equal("Microsoft.Data.Sqlite", typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.GetName().Name);
        Assert.Equal("Npgsql", typeof(Npgsql.NpgsqlConnection).Assembly.GetName().Name);
    }
}
