using System.Globalization;
using System.Text;

namespace CiDoctor.Benchmarks;

/// <summary>
/// Deterministic CI logs for the suites (fixed seed: the same bytes on every run and machine).
/// Most lines are the shapes a real build prints (compiler progress, package downloads, test
/// runner output, warnings); a few real error lines sit near the end, where a failing job has
/// them, so the scanner finds something and the ranking has work to do.
/// </summary>
public static class SyntheticLog
{
    private const int Seed = 20261122;

    private static readonly string[] Crates = ["serde", "tokio", "regex", "clap", "anyhow", "hyper", "rand", "syn", "quote", "libc"];
    private static readonly string[] Modules = ["core", "api", "cli", "storage", "auth", "net", "parser", "scheduler", "cache", "report"];
    private static readonly string[] Tests = ["parses_empty_input", "rejects_bad_token", "retries_on_timeout", "renders_markdown", "keeps_order", "handles_unicode"];

    // Real error lines (taken from public CI logs) that built-in modes recognise.
    private static readonly string[] Errors =
    [
        "error: failed to build archive: No space left on device (os error 28)",
        "npm ERR! code ERESOLVE",
        "fatal: unable to access 'https://github.com/o/r.git/': Could not resolve host: github.com",
        "error[E0308]: mismatched types",
        "##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.",
        "java.lang.OutOfMemoryError: Java heap space",
        "E: Unable to locate package libssl1.1",
        "Error response from daemon: toomanyrequests: You have reached your pull rate limit.",
    ];

    /// <summary>A plain log of <paramref name="lines"/> lines, errors in the last 2%.</summary>
    public static string Plain(int lines)
    {
        var sb = new StringBuilder(lines * 80);
        var rng = new Random(Seed);
        for (int i = 0; i < lines; i++)
        {
            sb.Append(Line(rng, i, lines)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A GitHub Actions job log (ISO timestamps, runner preamble, <c>##[group]Run</c> steps, an
    /// exit report) of about <paramref name="lines"/> lines.
    /// </summary>
    public static string GitHub(int lines)
    {
        var sb = new StringBuilder(lines * 110);
        var rng = new Random(Seed);
        var time = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        void Emit(string text)
        {
            time = time.AddTicks(rng.Next(1, 50_000));
            sb.Append(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)).Append(' ').Append(text).Append('\n');
        }

        Emit("Current runner version: '2.328.0'");
        Emit("##[group]Operating System");
        Emit("Ubuntu");
        Emit("24.04.3");
        Emit("LTS");
        Emit("##[endgroup]");
        Emit("Job is about to start running on the hosted runner: GitHub Actions 1000004211");
        string[] steps = ["actions/checkout@v4", "cargo build --release --locked", "cargo test --workspace", "npm ci && npm test"];
        int perStep = Math.Max(1, (lines - 20) / steps.Length);
        int n = 0;
        foreach (string step in steps)
        {
            Emit("##[group]Run " + step);
            Emit(step);
            Emit("shell: /usr/bin/bash -e {0}");
            Emit("##[endgroup]");
            for (int i = 0; i < perStep; i++, n++)
            {
                Emit(Line(rng, n, lines));
            }
        }
        Emit("##[error]Process completed with exit code 1.");
        Emit("Post job cleanup.");
        Emit("Cleaning up orphan processes");
        return sb.ToString();
    }

    private static string Line(Random rng, int i, int total)
    {
        // A real error about once in 400 lines of the last 2%: a failing job's end.
        if (i > total - total / 50 && rng.Next(400) == 0)
        {
            return Errors[rng.Next(Errors.Length)];
        }
        string crate = Crates[rng.Next(Crates.Length)];
        string module = Modules[rng.Next(Modules.Length)];
        return rng.Next(16) switch
        {
            0 => $"   Compiling {crate} v1.{rng.Next(40)}.{rng.Next(10)}",
            1 => $"  Downloaded {crate} v0.{rng.Next(30)}.{rng.Next(20)} ({rng.Next(10, 900)} KB)",
            2 => $"[INFO] Building {module}-service 3.{rng.Next(10)}.0-SNAPSHOT [{rng.Next(1, 40)}/40]",
            3 => $"  CC       src/{module}/{crate}_{rng.Next(100)}.o",
            4 => $"warning: unused variable: `{crate}_{rng.Next(50)}`",
            5 => $"   --> src/{module}/mod.rs:{rng.Next(1, 900)}:{rng.Next(1, 80)}",
            6 => $"test {module}::tests::{Tests[rng.Next(Tests.Length)]} ... ok",
            7 => $"ok  \tgithub.com/acme/{module}/{crate}\t{rng.NextDouble() * 3:F3}s",
            8 => $"PASS src/{module}/{crate}.test.ts ({rng.NextDouble() * 5:F2} s)",
            9 => $"  ✓ {Tests[rng.Next(Tests.Length)].Replace('_', ' ')} ({rng.Next(1, 300)} ms)",
            10 => $"[{rng.Next(1, 500)}/500] Linking CXX executable bin/{module}_{crate}",
            11 => $"Get:{rng.Next(1, 90)} http://azure.archive.ubuntu.com/ubuntu noble/main amd64 lib{crate}-dev amd64 {rng.Next(1, 9)}.{rng.Next(20)}-1 [{rng.Next(10, 2000)} kB]",
            12 => $"building '/nix/store/{Hash(rng)}-{crate}-1.{rng.Next(9)}.drv'...",
            13 => $"copying path '/nix/store/{Hash(rng)}-{module}-{rng.Next(1, 9)}.0' from 'https://cache.nixos.org'...",
            14 => $"  {module}/{crate}.py::test_{Tests[rng.Next(Tests.Length)]} PASSED [{rng.Next(100)}%]",
            _ => $"    Finished `release` profile [optimized] target(s) in {rng.Next(1, 300)}.{rng.Next(100):D2}s",
        };
    }

    private static string Hash(Random rng)
    {
        const string alphabet = "0123456789abcdfghijklmnpqrsvwxyz";
        Span<char> chars = stackalloc char[32];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[rng.Next(alphabet.Length)];
        }
        return new string(chars);
    }
}
