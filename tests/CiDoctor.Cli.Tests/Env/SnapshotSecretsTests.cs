using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Env;

/// <summary>
/// No secret value reaches a snapshot or anything made from it: twenty kinds of secrets set in the
/// capturing process's environment, some under names whose values are otherwise shown (a proxy
/// URL, a CI server URL), checked in the snapshot and in every output of every env command and of
/// <c>diagnose --env</c>.
/// </summary>
public class SnapshotSecretsTests
{
    // Name → value; each value's secret part is what must never appear.
    private static readonly (string Name, string Value, string Secret)[] Secrets =
    [
        ("GITHUB_TOKEN", "ghp_R4nd0mT0k3nV4lu3F0rT3st1ng0123456789", "ghp_R4nd0mT0k3nV4lu3F0rT3st1ng0123456789"),
        ("GH_PAT", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV", "github_pat_11ABCDEFG0123456789"),
        ("GITLAB_TOKEN", "glpat-Zx9Yw8Vu7Ts6Rq5Po4Nm", "glpat-Zx9Yw8Vu7Ts6Rq5Po4Nm"),
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("SLACK_BOT", "xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx", "xoxb-123456789012"),
        ("NPM_TOKEN", "npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm_abcdefghijklmnopqrstuvwxyz0123456789"),
        ("PYPI_UPLOAD", "pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACJXsicGVy", "pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAw"),
        ("DEPLOY_KEY_PEM", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
        ("DATABASE_URL", "postgres://admin:S3cr3tPassw0rdDb@db.internal:5432/app", "S3cr3tPassw0rdDb"),
        ("ID_TOKEN", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        ("HTTPS_PROXY", "http://proxyuser:Pr0xyPassw0rd@proxy.internal:3128", "Pr0xyPassw0rd"),
        ("CI_SERVER_URL", "https://deploy:UrlS3cretInServerUrl@gitlab.example.com", "UrlS3cretInServerUrl"),
        ("GITHUB_SERVER_URL", "https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123456789@github.com", "ghs_abcdefghijklmnopqrstuvwxyz0123456789"),
        ("DOCKER_PASSWORD", "dckr_pat_Q1w2E3r4T5y6U7i8O9p0", "dckr_pat_Q1w2E3r4T5y6U7i8O9p0"),
        ("CACHIX_AUTH_TOKEN", "eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJjYWNoaXgifQ.c2lnbmF0dXJlLWZvci1jYWNoaXgtdG9rZW4", "c2lnbmF0dXJlLWZvci1jYWNoaXgtdG9rZW4"),
        ("ATTIC_TOKEN", "attic-s3cret-v4lue-1234567890", "attic-s3cret-v4lue-1234567890"),
        ("STRIPE_API_KEY", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        ("SENTRY_DSN", "https://f00dfeedcafe0123456789abcdef0123@o123.ingest.sentry.io/1", "f00dfeedcafe0123456789abcdef0123"),
        ("TF_VAR_db_passwd", "Tf-Passwd-Value-9876", "Tf-Passwd-Value-9876"),
    ];

    [Fact]
    public void NoSecretValue_InTheSnapshot_OrInAnyOutputMadeFromIt()
    {
        Assert.Equal(20, Secrets.Length);
        using var dir = new TempDir();
        var env = Secrets.ToDictionary(s => s.Name, s => s.Value);
        EnvCliTests.Capture(dir.File("a.json"), env, "--tools", "sh,git");
        EnvCliTests.Capture(dir.File("b.json"), [], "--tools", "sh,git");
        File.WriteAllText(dir.File("job.log"), "Fetching LFS objects\ngit: 'lfs' is not a git command. See 'git --help'.\nerror: exit 1\n");

        var outputs = new List<(string What, string Text)> { ("snapshot", File.ReadAllText(dir.File("a.json"))) };
        foreach (string format in new[] { "text", "json" })
        {
            outputs.Add(($"env diff --format {format}", All(CliRunner.Run("env", "diff", dir.File("a.json"), dir.File("b.json"), "--format", format))));
        }
        outputs.Add(("env manifest", All(CliRunner.Run("env", "manifest", dir.File("a.json"), dir.File("b.json")))));
        File.WriteAllText(dir.File("env.yaml"), "tools: [git, git-lfs]\nenv: [GITHUB_TOKEN, HTTPS_PROXY]\n");
        outputs.Add(("env check", All(CliRunner.Run("env", "check", dir.File("a.json"), "--manifest", dir.File("env.yaml")))));
        foreach (string format in CiDoctor.Cli.Commands.DiagnoseCommand.Formats)
        {
            outputs.Add(($"diagnose --env --format {format}", All(CliRunner.Run("diagnose", dir.File("job.log"), "--env", dir.File("a.json"), "--format", format))));
        }

        // The names are there (the snapshot lists every variable), the values are not.
        Assert.Contains("\"GITHUB_TOKEN\": \"***\"", outputs[0].Text, StringComparison.Ordinal);
        Assert.Contains("HTTPS_PROXY", outputs[0].Text, StringComparison.Ordinal);
        foreach (var (what, text) in outputs)
        {
            foreach (var (name, _, secret) in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} shows the value of {name}");
            }
        }
    }

    private static string All(CliResult result) => result.Stdout + result.Stderr;
}
