using System.Net;
using System.Net.Sockets;

namespace Products.Emulator.DynamoDb;

/// <summary>Finds a TCP port on 127.0.0.1 that is free right now.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the OS for an ephemeral port and releases it. Another process can take it before the caller binds it, so
    /// callers that can retry with another port do.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
