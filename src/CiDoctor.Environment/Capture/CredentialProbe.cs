using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>
/// Whether the credential files builds rely on exist for this user (seed 002: a service held a
/// token as one user, not as root). Only presence is recorded: the files are never opened.
/// </summary>
internal static class CredentialProbe
{
    private static readonly (string Kind, string RelativeToHome)[] UserFiles =
    [
        ("docker", ".docker/config.json"),
        ("attic", ".config/attic/config.toml"),
        ("cachix", ".config/cachix/cachix.dhall"),
        ("netrc", ".netrc"),
        ("nix", ".config/nix/nix.conf"),
        ("git-credentials", ".git-credentials"),
        ("npm", ".npmrc"),
        ("pypi", ".pypirc"),
        ("cargo", ".cargo/credentials.toml"),
        ("kube", ".kube/config"),
    ];

    private static readonly (string Kind, string Path)[] SystemFiles =
    [
        ("netrc", "/etc/nix/netrc"),
        ("nix", "/etc/nix/nix.conf"),
    ];

    public static IReadOnlyList<CredentialFile> Capture(string? home)
    {
        var files = new List<CredentialFile>();
        if (home is { Length: > 0 })
        {
            files.AddRange(UserFiles.Select(f => Present(f.Kind, System.IO.Path.Combine(home, f.RelativeToHome))));
        }
        if (!OperatingSystem.IsWindows())
        {
            files.AddRange(SystemFiles.Select(f => Present(f.Kind, f.Path)));
        }
        return files;
    }

    private static CredentialFile Present(string kind, string path) => new(kind, path, File.Exists(path));
}
