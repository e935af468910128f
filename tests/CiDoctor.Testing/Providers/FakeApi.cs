using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CiDoctor.Testing.Providers;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that answers like a provider's API: routes by
/// method and path, and records every request (with its headers) so tests can check what was
/// asked, in which order, and with which token (when a retry comes is the client's clock's
/// business, see <see cref="ManualClock"/>). It also answers on localhost:PORT, another origin,
/// to stand in for the blob storage GitHub redirects logs to.
/// </summary>
public sealed class FakeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Path, Func<HttpListenerRequest, Reply> Handler)> _routes = [];

    public FakeApi()
    {
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public int Port { get; }

    public string Base => $"http://127.0.0.1:{Port}";

    /// <summary>The same server under another origin (the host differs), like a CDN a redirect points to.</summary>
    public string OtherOrigin => $"http://localhost:{Port}";

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string Method, string PathAndQuery, string Host, string? Authorization, string? PrivateToken);

    public sealed record Reply(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null);

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (query string ignored unless the route has one).</summary>
    public FakeApi On(string method, string path, Func<HttpListenerRequest, Reply> handler)
    {
        lock (_routes)
        {
            _routes.Add((method, path, handler));
        }
        return this;
    }

    public FakeApi Json(string path, string body) => On("GET", path, _ => new Reply(200, body));

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        string pathAndQuery = request.Url!.PathAndQuery;
        Requests.Enqueue(new Received(request.HttpMethod, pathAndQuery, request.Url.Host, request.Headers["Authorization"], request.Headers["PRIVATE-TOKEN"]));
        Reply reply;
        try
        {
            var handler = Find(request.HttpMethod, pathAndQuery);
            reply = handler is null ? new Reply(404, "{\"message\":\"Not Found\"}") : handler(request);
        }
        catch (Exception e)
        {
            reply = new Reply(500, e.Message, "text/plain");
        }
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        byte[] bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private Func<HttpListenerRequest, Reply>? Find(string method, string pathAndQuery)
    {
        string path = pathAndQuery.Split('?')[0];
        lock (_routes)
        {
            // Routes with a query string match it exactly; others match the path. Later routes win.
            for (int i = _routes.Count - 1; i >= 0; i--)
            {
                var route = _routes[i];
                if (route.Method == method && (route.Path.Contains('?') ? route.Path == pathAndQuery : route.Path == path))
                {
                    return route.Handler;
                }
            }
        }
        return null;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
