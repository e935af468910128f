using System.Data.Common;
using System.Globalization;
using CiDoctor.Core;
using CiDoctor.Core.Model;
using Dapper;

namespace CiDoctor.History.Store;

/// <summary>
/// Numbered schema migrations, embedded as <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>, run on
/// open inside one write transaction (the caller holds the lock: SQLite's write lock, PostgreSQL's
/// advisory lock), each recorded in <c>schema_version</c>. Running them again applies nothing.
/// </summary>
internal static class Migrations
{
    /// <summary>The scripts of a dialect, in order: (version, SQL).</summary>
    public static IReadOnlyList<(int Version, string Sql)> Scripts(string dialect)
    {
        var assembly = typeof(Migrations).Assembly;
        string prefix = $"migrations/{dialect}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                string file = n[prefix.Length..];
                return (int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture), reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }

    /// <summary>The newest version this build knows.</summary>
    public static int Latest(string dialect) => Scripts(dialect).Max(s => s.Version);

    /// <summary>Applies the pending scripts; the caller commits <paramref name="tx"/>.</summary>
    public static void Apply(DbConnection c, DbTransaction tx, string dialect, string where, TimeProvider time)
    {
        c.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: tx);
        int current = Current(c, tx);
        var scripts = Scripts(dialect);
        if (current > scripts.Max(s => s.Version))
        {
            throw new CiDoctorException($"history database {where}: schema version {current} was written by a newer cidoctor; upgrade cidoctor or pass another --db");
        }
        foreach (var (version, sql) in scripts.Where(s => s.Version > current))
        {
            c.Execute(sql, transaction: tx);
            c.Execute("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                new { version, at = IsoTime.Format(time.GetUtcNow()) }, tx);
        }
    }

    /// <summary>The version a database is at (0 when it has no schema_version rows).</summary>
    public static int Current(DbConnection c, DbTransaction? tx = null) =>
        c.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;

    /// <summary>For a read-only open: the schema must be there and not newer than this build (nothing is migrated).</summary>
    public static void CheckReadable(DbConnection c, string dialect, string where, bool hasVersionTable)
    {
        int current = hasVersionTable ? Current(c) : 0;
        int latest = Latest(dialect);
        if (current == 0)
        {
            throw new CiDoctorException($"history database {where}: holds no CiDoctor history; record runs first with 'cidoctor history add RUN --db …'");
        }
        if (current > latest)
        {
            throw new CiDoctorException($"history database {where}: schema version {current} was written by a newer cidoctor; upgrade cidoctor");
        }
        if (current < latest)
        {
            throw new CiDoctorException($"history database {where}: schema version {current} is older than this cidoctor's {latest}; run 'cidoctor history add' or 'history rescan' once to upgrade it");
        }
    }
}
