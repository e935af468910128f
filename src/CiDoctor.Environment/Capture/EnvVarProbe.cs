using System.Collections;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Env.Capture;

/// <summary>
/// Environment variable names, with values only for an allow-list of non-secret variables (CI
/// metadata, paths, locale); every other value is <c>***</c>. Allowed values still go through
/// the secret masker (a CI server URL can carry a password), and a name that says it holds a
/// secret is masked even when listed.
/// </summary>
internal static class EnvVarProbe
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        // Process basics.
        "HOME", "USER", "LOGNAME", "SHELL", "PATH", "PWD", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TERM", "HOSTNAME",
        "TMPDIR", "TEMP", "TMP", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "container",
        "INVOCATION_ID", "NIX_PATH", "NIX_REMOTE", "NIX_SSL_CERT_FILE", "SSL_CERT_FILE", "DOTNET_ROOT", "JAVA_HOME", "GOPATH", "CARGO_HOME",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        // GitHub Actions (and Forgejo/Gitea, which set the same names).
        "CI", "GITHUB_ACTIONS", "GITHUB_WORKFLOW", "GITHUB_REPOSITORY", "GITHUB_REF", "GITHUB_REF_NAME", "GITHUB_SHA",
        "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_RUN_ATTEMPT", "GITHUB_JOB", "GITHUB_EVENT_NAME", "GITHUB_SERVER_URL",
        "GITHUB_API_URL", "GITHUB_WORKSPACE", "GITHUB_ACTOR", "GITHUB_BASE_REF", "GITHUB_HEAD_REF",
        "RUNNER_OS", "RUNNER_ARCH", "RUNNER_NAME", "RUNNER_TEMP", "RUNNER_TOOL_CACHE", "RUNNER_ENVIRONMENT", "RUNNER_WORKSPACE",
        "FORGEJO_ACTIONS", "GITEA_ACTIONS",
        // GitLab CI.
        "GITLAB_CI", "CI_PIPELINE_ID", "CI_PIPELINE_SOURCE", "CI_JOB_ID", "CI_JOB_NAME", "CI_JOB_STAGE", "CI_COMMIT_SHA",
        "CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH", "CI_PROJECT_PATH", "CI_PROJECT_DIR", "CI_RUNNER_DESCRIPTION", "CI_RUNNER_TAGS",
        "CI_SERVER_URL", "CI_BUILDS_DIR",
        // Jenkins, Buildkite, Drone, Travis.
        "JENKINS_URL", "BUILD_NUMBER", "BUILD_ID", "JOB_NAME", "NODE_NAME", "WORKSPACE", "EXECUTOR_NUMBER",
        "BUILDKITE", "BUILDKITE_BUILD_ID", "BUILDKITE_BUILD_NUMBER", "BUILDKITE_PIPELINE_SLUG", "BUILDKITE_BRANCH", "BUILDKITE_COMMIT",
        "BUILDKITE_AGENT_NAME", "BUILDKITE_BUILD_CHECKOUT_PATH",
        "DRONE", "DRONE_BUILD_NUMBER", "DRONE_REPO", "DRONE_BRANCH", "DRONE_COMMIT_SHA", "DRONE_STAGE_NAME", "DRONE_RUNNER_NAME",
        "TRAVIS", "TRAVIS_BUILD_ID", "TRAVIS_JOB_ID", "TRAVIS_REPO_SLUG", "TRAVIS_BRANCH", "TRAVIS_COMMIT", "TRAVIS_OS_NAME",
    };

    private static readonly string[] SecretWords = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL", "AUTH", "COOKIE", "SESSION"];

    public static SortedDictionary<string, string> Capture(IDictionary variables)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            string name = (string)entry.Key;
            string value = entry.Value as string ?? "";
            env[name] = Shown(name) ? SecretMasker.MaskText(value) : SecretMasker.Mask;
        }
        return env;
    }

    public static bool Shown(string name) =>
        Allowed.Contains(name) && !SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
}
