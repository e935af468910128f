namespace CiDoctor.Providers.Http;

/// <summary>How to talk to one provider's API: its base, how it takes a token, which variables hold one.</summary>
/// <param name="Name">GitHub, GitLab, Forgejo/Gitea — as messages name it.</param>
/// <param name="ApiBase">The API root, e.g. https://api.github.com/ or https://gitlab.com/api/v4/.</param>
/// <param name="WebBase">The web root, for routes some versions serve only there (Forgejo's job logs); may get the token too.</param>
/// <param name="Token">The token, from the environment; never printed.</param>
/// <param name="TokenVariables">The variables a token is read from, for messages.</param>
public sealed record ProviderInfo(string Name, Uri ApiBase, Uri? WebBase, string? Token, IReadOnlyList<string> TokenVariables)
{
    public string Accept { get; init; } = "application/json";
    public string TokenHeader { get; init; } = "Authorization";
    public string TokenScheme { get; init; } = "Bearer";
    public IReadOnlyList<(string Name, string Value)> ExtraHeaders { get; init; } = [];

    /// <summary>The first set variable of <paramref name="names"/>, read through <paramref name="getEnv"/>.</summary>
    public static string? TokenFrom(Func<string, string?> getEnv, IReadOnlyList<string> names) =>
        names.Select(getEnv).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
