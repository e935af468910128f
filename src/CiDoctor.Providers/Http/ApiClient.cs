using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiDoctor.Core;
using Polly;

namespace CiDoctor.Providers.Http;

/// <summary>
/// HTTP to a CI provider's API: a token in a header (never in a URL, never printed), timeouts,
/// retries with back-off on 5xx, 429 and rate-limit 403s that honour <c>Retry-After</c> and
/// <c>X-RateLimit-Reset</c> (Polly), and one clear line for what cannot be retried: 401, 403,
/// 404, 410.
/// </summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>Longest wait a rate limit may ask for before we give up and say so.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ProviderInfo _provider;

    /// <param name="clock">What retry waits and rate-limit resets are measured on; the system clock when null (tests pass a fake one).</param>
    public ApiClient(ProviderInfo provider, TimeProvider? clock = null)
    {
        _provider = provider;
        // Redirects are followed by hand: a log redirect goes to blob storage, which must not get the token.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromSeconds(100),
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("cidoctor", "1.0"));
        _retry = RetryPolicy.Build(clock ?? TimeProvider.System);
    }

    public ProviderInfo Provider => _provider;

    /// <summary>GET a JSON document from the API; errors become one-line <see cref="CiDoctorException"/>s.</summary>
    public async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancel, Action<HttpResponseHeaders>? headers = null) =>
        await TryGetJsonAsync(url, cancel, headers).ConfigureAwait(false)
        ?? throw Failure(HttpStatusCode.NotFound, url, null);

    /// <summary>Like <see cref="GetJsonAsync"/>, but null when the URL answers 404 (an endpoint this server version lacks).</summary>
    public async Task<JsonDocument?> TryGetJsonAsync(Uri url, CancellationToken cancel, Action<HttpResponseHeaders>? headers = null)
    {
        using var response = await TryGetAsync(url, cancel).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }
        headers?.Invoke(response.Headers);
        return await ParseAsync(response, url, cancel).ConfigureAwait(false);
    }

    /// <summary>POST a JSON body (GitLab's GraphQL) and read the JSON answer.</summary>
    public async Task<JsonDocument> PostJsonAsync(Uri url, string json, CancellationToken cancel)
    {
        using var response = await SendOnceAsync(HttpMethod.Post, url, () => new StringContent(json, System.Text.Encoding.UTF8, "application/json"), cancel).ConfigureAwait(false);
        ThrowIfFailed(response, url);
        return await ParseAsync(response, url, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a response body to <paramref name="file"/> (written under a temporary name and
    /// renamed), following redirects; the token goes only to the API's own host. False (nothing
    /// written) when the URL answers 404.
    /// </summary>
    public async Task<bool> TryDownloadAsync(Uri url, string file, CancellationToken cancel)
    {
        using var response = await TryGetAsync(url, cancel).ConfigureAwait(false);
        if (response is null)
        {
            return false;
        }
        // Streamed to a temporary name and renamed: a log is never held in memory, never left half-written.
        string temp = file + ".part";
        await using (var output = File.Create(temp))
        {
            await response.Content.CopyToAsync(output, cancel).ConfigureAwait(false);
        }
        File.Move(temp, file, overwrite: true);
        return true;
    }

    // The response of a GET (redirects followed) when it succeeds; null on 404; any other failure throws.
    private async Task<HttpResponseMessage?> TryGetAsync(Uri url, CancellationToken cancel)
    {
        var current = url;
        for (int hop = 0; ; hop++)
        {
            var response = await SendOnceAsync(HttpMethod.Get, current, null, cancel).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and <= 399 && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop >= 5)
                {
                    throw new CiDoctorException($"{_provider.Name}: too many redirects from {Show(url)}");
                }
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }
            ThrowIfFailed(response, current);
            return response;
        }
    }

    // One request with retries; a network failure or timeout becomes one line.
    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, Func<HttpContent>? content, CancellationToken cancel)
    {
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                using var request = Request(method, url);
                request.Content = content?.Invoke();
                return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CiDoctorException($"cannot reach {_provider.Name} at {Show(url)}: {e.Message}; check the network or --api-url", e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new CiDoctorException($"{_provider.Name} did not answer {Show(url)} in time; try again later", e);
        }
    }

    private async Task<JsonDocument> ParseAsync(HttpResponseMessage response, Uri url, CancellationToken cancel)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancel).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw new CiDoctorException($"{_provider.Name} answered {Show(url)} with something that is not JSON; check --api-url ({_provider.ApiBase})");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(_provider.Accept);
        foreach (var (name, value) in _provider.ExtraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        // The token is for the API host only: a redirect to blob storage (GitHub's logs) must not carry it.
        if (_provider.Token is { } token && SameOrigin(url, _provider.ApiBase, _provider.WebBase))
        {
            request.Headers.TryAddWithoutValidation(_provider.TokenHeader, _provider.TokenHeader == "Authorization" ? $"{_provider.TokenScheme} {token}" : token);
        }
        return request;
    }

    private static bool SameOrigin(Uri url, Uri api, Uri? web) =>
        Uri.Compare(url, api, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        || (web is not null && Uri.Compare(url, web, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    private void ThrowIfFailed(HttpResponseMessage response, Uri url)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var failure = Failure(response.StatusCode, url, response);
        response.Dispose();
        throw failure;
    }

    private CiDoctorException Failure(HttpStatusCode status, Uri url, HttpResponseMessage? response)
    {
        string what = Show(url);
        string tokenVars = string.Join(" or ", _provider.TokenVariables);
        bool rateLimited = response is not null && RetryPolicy.IsRateLimited(response);
        string reset = response is null ? "" : RetryPolicy.ResetText(response);
        return new CiDoctorException((int)status switch
        {
            401 => $"{_provider.Name} answered 401 Unauthorized for {what}: the token is missing or invalid; set {tokenVars} to a valid token",
            403 when rateLimited => $"{_provider.Name} answered 403 for {what}: rate-limited{reset}; wait, or set {tokenVars} for a higher limit",
            403 => $"{_provider.Name} answered 403 Forbidden for {what}: the token has no access to this repository; use a token that can read its CI runs ({tokenVars})",
            404 => $"{_provider.Name} answered 404 for {what}: no such run or job, or the repository is private and needs a token ({tokenVars})",
            410 => $"{_provider.Name} answered 410 Gone for {what}: the logs have expired (past the retention period); nothing left to fetch",
            429 => $"{_provider.Name} answered 429 for {what}: still rate-limited after retries{reset}; try again later",
            >= 500 => $"{_provider.Name} answered {(int)status} for {what} after retries; the provider has trouble, try again later",
            _ => $"{_provider.Name} answered {(int)status} {response?.ReasonPhrase} for {what}",
        });
    }

    // URLs are shown without query strings: some APIs accept tokens there, and none of ours need them in messages.
    internal static string Show(Uri url) => url.GetLeftPart(UriPartial.Path);

    public void Dispose() => _http.Dispose();
}
