using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;

namespace CiDoctor.Providers.Http;

/// <summary>
/// When and how long to retry: 5xx and 408 with exponential back-off and jitter; 429 and a
/// rate-limited 403 after the wait the provider advertises (<c>Retry-After</c> seconds or date,
/// else <c>X-RateLimit-Reset</c> / <c>RateLimit-Reset</c> epoch seconds) when that is at most
/// <see cref="ApiClient.MaxWait"/>; a longer wait is reported instead of slept through.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>Tries of one request, the first included.</summary>
    private const int Attempts = 4;

    public static ResiliencePipeline<HttpResponseMessage> Build(TimeProvider clock)
    {
        var options = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Attempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                // A rate limit that resets later than we are willing to wait is reported at once.
                { Result: { } r } => IsTransient(r) || (IsRateLimited(r) && !(Advertised(r, clock) > ApiClient.MaxWait)),
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r && Advertised(r, clock) is { } wait ? (TimeSpan?)wait : null),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddRetry(options).Build();
    }

    private static bool IsTransient(HttpResponseMessage r) => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout;

    /// <summary>429, or a 403 that says the rate limit is spent (GitHub's secondary limits answer 403).</summary>
    public static bool IsRateLimited(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.TooManyRequests
        || (r.StatusCode == HttpStatusCode.Forbidden && (Header(r, "X-RateLimit-Remaining") == "0" || r.Headers.RetryAfter is not null));

    /// <summary>The wait the provider asks for (never negative); null lets the back-off decide.</summary>
    public static TimeSpan? Advertised(HttpResponseMessage r, TimeProvider clock)
    {
        TimeSpan? wait = null;
        if (r.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
        }
        else if (ResetEpoch(r) is long reset)
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        }
        if (wait is null)
        {
            return null;
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    public static string ResetText(HttpResponseMessage r) =>
        ResetEpoch(r) is long reset ? $" until {DateTimeOffset.FromUnixTimeSeconds(reset):yyyy-MM-dd HH:mm:ss} UTC" : "";

    private static long? ResetEpoch(HttpResponseMessage r)
    {
        string? value = Header(r, "X-RateLimit-Reset") ?? Header(r, "RateLimit-Reset");
        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long epoch) && epoch > 1_000_000_000 ? epoch : null;
    }

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
