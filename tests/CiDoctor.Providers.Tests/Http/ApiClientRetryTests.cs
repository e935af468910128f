using System.Globalization;
using CiDoctor.Core;
using CiDoctor.Providers.Http;
using CiDoctor.Testing;
using CiDoctor.Testing.Providers;

namespace CiDoctor.Providers.Tests.Http;

/// <summary>
/// Retries of <see cref="ApiClient"/>: every wait is asked of its clock (a <see cref="ManualClock"/>
/// here), so the tests check the wait itself and move the clock past it instead of sleeping.
/// </summary>
public class ApiClientRetryTests
{
    [Fact]
    public async Task GetJson_429WithRetryAfter_WaitsTheAdvertisedSecondOnTheClock_ThenRetries()
    {
        var clock = new ManualClock();
        using var api = Answers(new FakeApi.Reply(429, "{}", Headers: Header("Retry-After", "1")), Ok);
        using var client = new ApiClient(Info(api), clock);

        var call = client.GetJsonAsync(Thing(api), CancellationToken.None);
        var wait = clock.NextWait();
        int beforeAdvance = api.Requests.Count;
        clock.Advance(wait);
        using var answer = await call;

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, beforeAdvance);   // no retry until the clock reached the advertised time
        Assert.Equal(2, api.Requests.Count);
        Assert.True(answer.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task GetJson_RateLimited403_WaitsUntilTheAdvertisedResetPlusOneSecond()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        long reset = clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        using var api = Answers(new FakeApi.Reply(403, "{\"message\":\"API rate limit exceeded\"}", Headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture),
        }), Ok);
        using var client = new ApiClient(Info(api), clock);

        var call = client.GetJsonAsync(Thing(api), CancellationToken.None);
        var wait = clock.NextWait();
        clock.Advance(wait);
        using var answer = await call;

        // The reset is in whole seconds: one more makes sure the limit has really been lifted.
        Assert.Equal(TimeSpan.FromSeconds(31), wait);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task GetJson_ServerErrors_BackOffOnTheClock_ThenSucceed()
    {
        var clock = new ManualClock();
        using var api = Answers(new FakeApi.Reply(503, "busy"), new FakeApi.Reply(502, "busy"), Ok);
        using var client = new ApiClient(Info(api), clock);

        var call = client.GetJsonAsync(Thing(api), CancellationToken.None);
        var first = clock.NextWait();
        clock.Advance(first);
        var second = clock.NextWait();
        clock.Advance(second);
        using var answer = await call;

        Assert.Equal(3, api.Requests.Count);
        // Exponential back-off from 1 s with jitter: both waits are positive and bounded.
        Assert.All([first, second], w => Assert.InRange(w, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task GetJson_StillRateLimitedAfterEveryTry_SaysSoInOneLine()
    {
        var clock = new ManualClock();
        var limited = new FakeApi.Reply(429, "{}", Headers: Header("Retry-After", "2"));
        using var api = Answers(limited, limited, limited, limited);
        using var client = new ApiClient(Info(api), clock);

        var call = client.GetJsonAsync(Thing(api), CancellationToken.None);
        for (int retry = 0; retry < 3; retry++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), clock.NextWait());
            clock.Advance(TimeSpan.FromSeconds(2));
        }
        var e = await Assert.ThrowsAsync<CiDoctorException>(() => call);

        Assert.Equal(4, api.Requests.Count);   // the first try and three retries
        Assert.Contains("429", e.Message, StringComparison.Ordinal);
        Assert.Contains("still rate-limited after retries", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task GetJson_LimitResettingLaterThanMaxWait_IsReportedAtOnce_WithoutWaiting()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        long reset = clock.GetUtcNow().Add(ApiClient.MaxWait).AddMinutes(1).ToUnixTimeSeconds();
        using var api = Answers(new FakeApi.Reply(403, "{}", Headers: new Dictionary<string, string>
        {
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture),
        }));
        using var client = new ApiClient(Info(api), clock);

        var e = await Assert.ThrowsAsync<CiDoctorException>(() => client.GetJsonAsync(Thing(api), CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.DoesNotContain(clock.Waits, w => w > TimeSpan.Zero);
        Assert.Contains("rate-limited until 2026-03-01 12:03:00 UTC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJson_401_IsNotRetried_AndNamesTheTokenVariables()
    {
        var clock = new ManualClock();
        using var api = Answers(new FakeApi.Reply(401, "{\"message\":\"Bad credentials\"}"));
        using var client = new ApiClient(Info(api), clock);

        var e = await Assert.ThrowsAsync<CiDoctorException>(() => client.GetJsonAsync(Thing(api), CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.DoesNotContain(clock.Waits, w => w > TimeSpan.Zero);
        Assert.Contains("GITHUB_TOKEN or GH_TOKEN", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubApi.Token, e.Message, StringComparison.Ordinal);
    }

    private static readonly FakeApi.Reply Ok = new(200, "{\"ok\": true}");

    // A server that gives the replies in order, one per request (the last one again after that).
    private static FakeApi Answers(params FakeApi.Reply[] replies)
    {
        int calls = 0;
        var api = new FakeApi();
        api.On("GET", "/thing", _ => replies[Math.Min(Interlocked.Increment(ref calls), replies.Length) - 1]);
        return api;
    }

    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    private static Uri Thing(FakeApi api) => new(api.Base + "/thing");

    private static ProviderInfo Info(FakeApi api) =>
        new("GitHub", new Uri(api.Base + "/"), null, GitHubApi.Token, RunFetcher.GitHubTokens);
}
