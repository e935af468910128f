using System.Net;
using System.Net.Sockets;

namespace CiDoctor.Testing;

/// <summary>Ports for the servers tests start on 127.0.0.1.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on right now (the OS picks it; a test server binds it next).</summary>
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
