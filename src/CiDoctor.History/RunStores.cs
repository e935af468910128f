using CiDoctor.Core;
using CiDoctor.History.Postgres;
using CiDoctor.History.Sqlite;
using Npgsql;

namespace CiDoctor.History;

/// <summary>
/// Picks and opens the store a <c>--db</c> value names (DESIGN.md "Storage"): a
/// <c>postgres://user:pass@host:port/db</c> URL or an Npgsql connection string (<c>Host=…</c>)
/// opens PostgreSQL; anything else is an SQLite file. With no value, <c>CIDOCTOR_DB</c>, then
/// the default file in the user's data folder.
/// </summary>
public static class RunStores
{
    /// <summary>The environment variable that names the store when <c>--db</c> is absent.</summary>
    public const string EnvVar = "CIDOCTOR_DB";

    /// <summary>The <c>--db</c> value, else <c>CIDOCTOR_DB</c>, else null.</summary>
    public static string? Chosen(string? db, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrWhiteSpace(db) ? db : env(EnvVar) is { Length: > 0 } e ? e : null;
    }

    /// <summary>
    /// <c>$XDG_DATA_HOME/cidoctor/history.db</c> when XDG_DATA_HOME is set (Linux convention), else
    /// the local application data folder's <c>cidoctor/history.db</c> (~/.local/share on Linux,
    /// %LOCALAPPDATA% on Windows, ~/Library/Application Support on macOS).
    /// </summary>
    public static string DefaultPath(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        string? xdg = env("XDG_DATA_HOME");
        string root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            throw new CiDoctorException("no user data folder to keep the history in (HOME unset?); pass --db FILE or set CIDOCTOR_DB");
        }
        return Path.Combine(root, "cidoctor", "history.db");
    }

    /// <summary>Opens (creating and migrating as needed) the store <paramref name="spec"/> names; the default file when null.</summary>
    public static IRunStore Open(string? spec, TimeProvider? time = null)
    {
        spec ??= DefaultPath();
        return PostgresConnectionString(spec) is { } pg ? PostgresRunStore.Open(pg, time) : SqliteRunStore.Open(spec, time);
    }

    /// <summary>Opens an existing store for reading: nothing is created, migrated or written.</summary>
    public static IRunStore OpenReadOnly(string spec) =>
        PostgresConnectionString(spec) is { } pg ? PostgresRunStore.OpenReadOnly(pg) : SqliteRunStore.OpenReadOnly(spec);

    /// <summary>The Npgsql connection string <paramref name="spec"/> stands for, or null when it names an SQLite file.</summary>
    public static string? PostgresConnectionString(string spec)
    {
        if (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(spec);
        }
        // Keywords, as Npgsql writes them: "Host=h;Database=d". A file path may hold "host=" too
        // (/srv/host=1/history.db), but not at its start and not beside a ';'.
        string t = spec.TrimStart();
        bool startsWithHost = t.StartsWith("host=", StringComparison.OrdinalIgnoreCase) || t.StartsWith("server=", StringComparison.OrdinalIgnoreCase);
        bool keywords = startsWithHost || spec.Contains(';', StringComparison.Ordinal) &&
            (spec.Contains("host=", StringComparison.OrdinalIgnoreCase) || spec.Contains("server=", StringComparison.OrdinalIgnoreCase));
        return keywords ? spec : null;
    }

    /// <summary><c>postgres://u:p@h:5433/db?sslmode=require</c> → <c>Host=h;Port=5433;Username=u;Password=p;Database=db;SSL Mode=Require</c>.</summary>
    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new CiDoctorException("--db: not a valid PostgreSQL URL; use postgres://user:pass@host:port/db");
        }
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            b.Port = uri.Port;
        }
        if (uri.UserInfo.Length > 0)
        {
            string[] parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            b.Database = database;
        }
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                b[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
            }
            catch (ArgumentException)
            {
                throw new CiDoctorException($"--db: the URL option '{key}' is not a PostgreSQL connection option; remove it or use an Npgsql connection string");
            }
        }
        return b.ConnectionString;
    }
}
