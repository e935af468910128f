using System.Text;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>
/// DESIGN.md "Secrets": every known token format is masked to <c>***</c> before anything is
/// printed, in every format and in <c>--out</c> files; hashes and commit ids are not masked.
/// Each secret sits in an error line of its own job, so its line is certainly evidence: the
/// line's tag (<c>[t07]</c>) must be in the output while the secret is not, otherwise the test
/// would pass just because the line was never shown.
/// </summary>
public class SecretMaskingTests
{
    private const string UrlPassword = "hunter2secret";
    private const string BearerValue = "8f3a9c2e7b1d4f6a0e5c3b9d7a1f2e4c6b8d0a2f";
    private const string ApiTokenValue = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    private const string DbPasswordValue = "Tr0ub4dor-and-3";

    private static readonly string Ghp = "ghp_" + Alnum(36, 1);
    private static readonly string Gho = "gho_" + Alnum(36, 2);
    private static readonly string Ghu = "ghu_" + Alnum(36, 3);
    private static readonly string Ghs = "ghs_" + Alnum(36, 4);
    private static readonly string Ghr = "ghr_" + Alnum(36, 5);
    private static readonly string GithubPat = "github_pat_" + Alnum(22, 6) + "_" + Alnum(59, 7);
    private static readonly string Glpat = "glpat-" + Alnum(20, 8);
    private static readonly string Glrt = "glrt-" + Alnum(20, 9);
    private static readonly string Gldt = "gldt-" + Alnum(20, 10);
    private static readonly string Slack = "xoxb-" + Digits(12, 11) + "-" + Digits(13, 12) + "-" + Alnum(24, 13);
    private static readonly string Aws = "AKIA" + Upper(16, 14);
    private static readonly string Npm = "npm_" + Alnum(36, 15);
    private static readonly string Pypi = "pypi-AgEIcHlwaS5vcmcCJD" + Alnum(150, 16);

    private const string Jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private static readonly string[] PemBody =
    [
        "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB",
        "aFDrBz9vFqU4yB5nJH0bX2R1m1ZkPj9vZ7Q6V0TcOq8i6lW6F1E2Z1Yk6mN0q3Xn",
        "Kp8dT2wq9Yx4vR7s3LmN5bC1fH6jG0aZ2eD8uI4oP9tQ1rS7yW3xE5cV0nB6mA==",
    ];

    // Evidence, not secrets: a Nix store hash, a commit id and a sha256 sum.
    private const string NixHash = "0c7f5gfxbq2hd1r4r1mxdgsm0q7k8z3a";
    private const string CommitId = "a973a5a1c2b4d6e8f0a1b2c3d4e5f60718293a4b";
    private const string Sha256 = "1b4f0e9851971998e732078544c96b36c3d01cedf7caa332359d6f1d83567014";

    private static string[] Secrets =>
    [
        Ghp, Gho, Ghu, Ghs, Ghr, GithubPat, Glpat, Glrt, Gldt, Slack, Aws, Npm, Pypi, Jwt,
        UrlPassword, BearerValue, ApiTokenValue, DbPasswordValue, .. PemBody,
    ];

    // Tag → the error line that carries one secret (one job each).
    private static (string Tag, string Line)[] SecretLines =>
    [
        ("t01", $"fatal: could not read from remote repository with {Ghp}"),
        ("t02", $"error: OAuth token {Gho} was rejected: Bad credentials"),
        ("t03", $"error: user-to-server credential {Ghu} expired"),
        ("t04", $"error: installation credential {Ghs} is not valid for this repository"),
        ("t05", $"error: refresh credential {Ghr} was revoked"),
        ("t06", $"fatal: remote error: {GithubPat} does not have access to o/r"),
        ("t07", $"error: GitLab API returned 401 Unauthorized for {Glpat}"),
        ("t08", $"ERROR: Registering runner... failed with {Glrt}: 403 Forbidden"),
        ("t09", $"fatal: deploy credential {Gldt} does not grant read_repository"),
        ("t10", $"error: Slack notification failed with {Slack}: invalid_auth"),
        ("t11", $"error: The security credential {Aws} included in the request is invalid"),
        ("t12", $"npm ERR! 403 Forbidden - PUT https://registry.npmjs.org/pkg - {Npm} cannot publish"),
        ("t13", $"ERROR: HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/ using {Pypi}"),
        ("t14", $"error: request rejected, expired JWT {Jwt}"),
        ("t15", $"error: push to https://ci:{UrlPassword}@git.example.com failed"),
        ("t16", $"> Authorization: Bearer {BearerValue} < HTTP/2 401 error: Unauthorized"),
        ("t17", $"error: deploy failed with MY_API_TOKEN={ApiTokenValue} (invalid)"),
        ("t18", $"error: could not connect: DB_PASSWORD={DbPasswordValue} rejected by server"),
    ];

    private static (string Tag, string Line)[] EvidenceLines =>
    [
        ("n01", $"error: builder for '/nix/store/{NixHash}-bws-1.0.0.drv' failed with exit code 101"),
        ("n02", $"fatal: reference is not a tree: {CommitId}"),
        ("n03", $"error: checksum mismatch for bws.tar.gz: expected {Sha256}"),
    ];

    [Theory]
    [InlineData("text", false)]
    [InlineData("markdown", false)]
    [InlineData("json", false)]
    [InlineData("html", false)]
    [InlineData("text", true)]
    [InlineData("markdown", true)]
    [InlineData("json", true)]
    [InlineData("html", true)]
    public void Diagnose_LogsWithEveryTokenFormat_PrintsNoSecretInAnyFormat(string format, bool toFile)
    {
        using var dir = new TempDir();
        string run = WriteRun(dir);

        string output = Diagnose(dir, run, format, toFile);

        foreach (var (tag, _) in SecretLines)
        {
            Assert.True(output.Contains($"[{tag}]", StringComparison.Ordinal), $"line [{tag}] is not in the {format} output, so its masking is untested:\n{output}");
        }
        AssertNoSecret(output, format);
        Assert.Contains("***", output, StringComparison.Ordinal);
        Assert.Contains("https://ci:***@git.example.com", Compact(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    [InlineData("html")]
    public void Diagnose_PemPrivateKeyBlock_MasksEveryLineOfIt(string format)
    {
        using var dir = new TempDir();
        string run = WriteRun(dir);

        string output = Diagnose(dir, run, format, toFile: false);

        // The PEM job has no error line, so its last lines (the key) are its evidence.
        Assert.Contains("-----BEGINPRIVATEKEY-----***", Compact(output), StringComparison.Ordinal);
        foreach (string line in PemBody)
        {
            Assert.DoesNotContain(line, Compact(output), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    [InlineData("html")]
    public void Diagnose_SecretInGitHubStepCommand_MasksStepName(string format)
    {
        using var dir = new TempDir();
        string run = WriteRun(dir);

        string output = Diagnose(dir, run, format, toFile: false);

        Assert.Contains("[g02]", output, StringComparison.Ordinal);
        Assert.Contains("gitpushhttps://ci:***@git.example.com", Compact(output), StringComparison.Ordinal);
        AssertNoSecret(output, format);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    [InlineData("html")]
    public void Diagnose_HashesAndCommitIds_AreNotMasked(string format)
    {
        using var dir = new TempDir();
        string run = WriteRun(dir);

        string output = Diagnose(dir, run, format, toFile: false);

        foreach (var (tag, line) in EvidenceLines)
        {
            Assert.True(Compact(output).Contains(Compact($"[{tag}] {line}"), StringComparison.Ordinal), $"[{tag}] {line} is not in the {format} output unchanged:\n{output}");
        }
        Assert.Contains($"/nix/store/{NixHash}-bws-1.0.0.drv", Compact(output), StringComparison.Ordinal);
        Assert.Contains(CommitId, Compact(output), StringComparison.Ordinal);
        Assert.Contains(Sha256, Compact(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_SecretsNextToCauseLine_MasksThemInEvidence()
    {
        using var dir = new TempDir();
        string log = dir.Write("build.log", string.Join('\n',
            "Run ./build.sh",
            $"export GITHUB_TOKEN={Ghp}",
            $"error: upload to https://ci:{UrlPassword}@cache.example.com failed",
            "error: writing /tmp/build/out.o: No space left on device",
            $"fatal: cannot clean up with token {Glpat}",
            "") + "\n");

        var result = CliRunner.Run("diagnose", log, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var evidence = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0].GetProperty("evidence")
            .EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt64(), e => e.GetProperty("text").GetString());
        Assert.Equal("error: writing /tmp/build/out.o: No space left on device", evidence[4]);
        Assert.Equal("error: upload to https://ci:***@cache.example.com failed", evidence[3]);
        Assert.Equal("fatal: cannot clean up with token ***", evidence[5]);
        Assert.DoesNotContain(Ghp, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Glpat, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_AsPlanted_HaveRealisticLengths()
    {
        Assert.Equal(40, Ghp.Length);
        Assert.Equal(93, GithubPat.Length);
        Assert.Equal(26, Glpat.Length);
        Assert.Equal(20, Aws.Length);
        Assert.Equal(40, Npm.Length);
        Assert.Equal(3, Jwt.Split('.').Length);
        Assert.All(PemBody, l => Assert.True(l.Length == 64, l));
    }

    /// <summary>No secret in the output, nor in it with whitespace removed (the text report wraps long lines).</summary>
    private static void AssertNoSecret(string output, string format)
    {
        string compact = Compact(output);
        foreach (string secret in Secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal) || compact.Contains(secret, StringComparison.Ordinal),
                $"secret {secret} leaked into the {format} output:\n{output}");
        }
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Runs diagnose on the run folder; returns what it printed or wrote (JSON strings decoded too).</summary>
    private static string Diagnose(TempDir dir, string run, string format, bool toFile)
    {
        string? outFile = toFile ? dir.File("out/report." + format) : null;
        if (outFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
        }
        var result = outFile is null
            ? CliRunner.Run("diagnose", run, "--format", format)
            : CliRunner.Run("diagnose", run, "--format", format, "--out", outFile);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        string output = result.Stdout;
        if (outFile is not null)
        {
            Assert.Equal("", result.Stdout);
            output = File.ReadAllText(outFile);
        }
        Assert.NotEqual("", output.Trim());
        if (format == "json")
        {
            // Compare decoded strings too, so an escaped character cannot hide a leak.
            var decoded = new StringBuilder(output);
            AppendStrings(JsonDocument.Parse(output).RootElement, decoded);
            output = decoded.ToString();
        }
        if (format == "html")
        {
            // Compare the decoded text too: an entity (&#39;) cannot hide a leak, and lines read as written.
            output += "\n" + System.Net.WebUtility.HtmlDecode(output);
        }
        return output;
    }

    private static void AppendStrings(JsonElement e, StringBuilder into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                into.Append('\n').Append(e.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    AppendStrings(p.Value, into);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    AppendStrings(item, into);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>A folder of job logs: one per planted secret, one with a PEM key, a GitHub one, three with hashes.</summary>
    private static string WriteRun(TempDir dir)
    {
        string run = dir.CreateFolder("run");
        foreach (var (tag, line) in SecretLines.Concat(EvidenceLines))
        {
            dir.Write($"run/{tag}.log", $"Run ./deploy.sh\nDeploying build 42\n[{tag}] {line}\nexit status 1\n");
        }
        dir.Write("run/pem.log", string.Join('\n',
        [
            "Run ./write-signing-key.sh",
            "Writing the signing key to ~/.ssh/id_rsa",
            "-----BEGIN RSA PRIVATE KEY-----",
            .. PemBody,
            "-----END RSA PRIVATE KEY-----",
            "",
        ]));
        const string T = "2024-05-01T10:00:00.1234567Z ";
        dir.Write("run/github.txt", string.Join('\n',
        [
            T + "Current runner version: '2.317.0'",
            T + "##[group]Run actions/checkout@v4",
            T + "Syncing repository: o/r",
            T + "##[endgroup]",
            T + $"##[group]Run git push https://ci:{UrlPassword}@git.example.com HEAD:main",
            T + $"git push https://ci:{UrlPassword}@git.example.com HEAD:main",
            T + "##[endgroup]",
            T + "[g01] remote: Invalid username or password.",
            T + $"[g02] fatal: Authentication failed for 'https://ci:{UrlPassword}@git.example.com/'",
            T + "##[error]Process completed with exit code 128.",
            "",
        ]));
        return run;
    }

    private static string Alnum(int length, int seed) =>
        Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length, seed);

    private static string Upper(int length, int seed) => Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length, seed);

    private static string Digits(int length, int seed) => Pick("0123456789", length, seed);

    // Deterministic pseudo-random characters: the same tokens on every run.
    private static string Pick(string alphabet, int length, int seed)
    {
        var chars = new char[length];
        uint state = (uint)seed * 2654435761u + 12345u;
        for (int i = 0; i < length; i++)
        {
            state = state * 1664525u + 1013904223u;
            chars[i] = alphabet[(int)(state >> 16) % alphabet.Length];
        }
        return new string(chars);
    }
}
