using System.Net;
using System.Net.Sockets;
using CiDoctor.Core;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>DNS and TCP reachability of the endpoints a job needs, and what loopback names mean here.</summary>
internal static class NetworkProbe
{
    /// <summary><c>host:port</c> (or <c>[v6]:port</c>) from the command line; bad ones are a usage error.</summary>
    public static (string Host, int Port) Parse(string endpoint)
    {
        int colon = endpoint.LastIndexOf(':');
        string host = colon > 0 ? endpoint[..colon].Trim('[', ']') : "";
        if (host.Length == 0 || !int.TryParse(endpoint[(colon + 1)..], out int port) || port is < 1 or > 65535)
        {
            throw new CiDoctorException($"--endpoint {endpoint}: expected HOST:PORT, e.g. --endpoint cache.nixos.org:443");
        }
        return (host, port);
    }

    public static EndpointInfo Endpoint(string endpoint, TimeSpan limit, TimeProvider clock, CancellationToken cancel)
    {
        var (host, port) = Parse(endpoint);
        IReadOnlyList<string> addresses = [];
        string? dnsError = null;
        IPAddress[] resolved = [];
        try
        {
            resolved = Dns.GetHostAddressesAsync(host, cancel).WaitAsync(limit, clock, cancel).GetAwaiter().GetResult();
            addresses = [.. resolved.Select(a => a.ToString()).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is SocketException or TimeoutException or OperationCanceledException)
        {
            dnsError = e is SocketException s ? s.SocketErrorCode.ToString() : "no answer in time";
        }
        if (resolved.Length == 0)
        {
            return new EndpointInfo(endpoint, host, port, addresses, dnsError ?? "no address", null, null, null);
        }
        var (first, error) = Connect(resolved, port, limit, clock, cancel);
        double? second = null;
        if (first is not null)
        {
            (second, error) = Connect(resolved, port, limit, clock, cancel);
        }
        return new EndpointInfo(endpoint, host, port, addresses, dnsError, first, second, error);
    }

    private static (double? Milliseconds, string? Error) Connect(IPAddress[] addresses, int port, TimeSpan limit, TimeProvider clock, CancellationToken cancel)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        long start = clock.GetTimestamp();
        try
        {
            socket.ConnectAsync(addresses, port, cancel).AsTask().WaitAsync(limit, clock, cancel).GetAwaiter().GetResult();
            return (Math.Round(clock.GetElapsedTime(start).TotalMilliseconds, 1), null);
        }
        catch (Exception e) when (e is SocketException or TimeoutException or OperationCanceledException)
        {
            return (null, e is SocketException s ? s.SocketErrorCode.ToString() : "no answer in time");
        }
    }

    public static LoopbackInfo Loopback(TimeSpan limit, TimeProvider clock)
    {
        try
        {
            var localhost = Dns.GetHostAddressesAsync("localhost").WaitAsync(limit, clock).GetAwaiter().GetResult();
            string? name = null;
            try
            {
                name = Dns.GetHostEntryAsync(IPAddress.Loopback).WaitAsync(limit, clock).GetAwaiter().GetResult().HostName;
            }
            catch (SocketException)
            {
                // No name for 127.0.0.1 is an answer too: left null.
            }
            return new LoopbackInfo([.. localhost.Select(a => a.ToString()).Order(StringComparer.Ordinal)], name, null);
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return new LoopbackInfo([], null, Probes.OneLine(e.Message));
        }
    }
}
