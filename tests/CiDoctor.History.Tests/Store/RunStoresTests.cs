using CiDoctor.Core;
using Npgsql;

namespace CiDoctor.History.Tests.Store;

public class RunStoresTests
{
    [Fact]
    public void PostgresConnectionString_FromAUrl_HasEveryPart()
    {
        string? cs = RunStores.PostgresConnectionString("postgres://ci%40team:p%3Ass@db.example:5433/hist?sslmode=require");

        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(("db.example", 5433, "ci@team", "p:ss", "hist", SslMode.Require), (b.Host, b.Port, b.Username, b.Password, b.Database, b.SslMode));
    }

    [Theory]
    [InlineData("Host=localhost;Database=h", true)]
    [InlineData("postgresql://u@h/db", true)]
    [InlineData("history.db", false)]
    [InlineData("/var/lib/ci/host=1/history.db", false)]
    public void PostgresConnectionString_TellsPostgresFromAnSqliteFile(string spec, bool postgres) =>
        Assert.Equal(postgres, RunStores.PostgresConnectionString(spec) is not null);

    [Fact]
    public void PostgresConnectionString_AnUnknownUrlOption_IsOneLineError()
    {
        var e = Assert.Throws<CiDoctorException>(() => RunStores.PostgresConnectionString("postgres://u:secret@h/db?frobnicate=1"));
        Assert.Equal("--db: the URL option 'frobnicate' is not a PostgreSQL connection option; remove it or use an Npgsql connection string", e.Message);
    }

    [Fact]
    public void DefaultPath_HonoursXdgDataHome()
    {
        Assert.Equal("/data/xdg/cidoctor/history.db", RunStores.DefaultPath(v => v == "XDG_DATA_HOME" ? "/data/xdg" : null));
        Assert.EndsWith("/cidoctor/history.db", RunStores.DefaultPath(_ => null), StringComparison.Ordinal);
    }

    [Fact]
    public void Chosen_DbOptionWins_ThenTheEnvironment()
    {
        Assert.Equal("a.db", RunStores.Chosen("a.db", _ => "b.db"));
        Assert.Equal("b.db", RunStores.Chosen(null, v => v == RunStores.EnvVar ? "b.db" : null));
        Assert.Null(RunStores.Chosen(null, _ => null));
    }
}
