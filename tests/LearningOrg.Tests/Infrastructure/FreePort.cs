using System.Net;
using System.Net.Sockets;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// Ports for servers that must be told theirs before they start (Orleans' silo and gateway, an HTTP listener). Asking
/// the system for a free port and releasing it is a race: the system hands the same ephemeral port to the next
/// socket that asks, in this process or another. These ports come from below the system's ephemeral range, where it
/// hands out none, each at most once per test process, starting at a place of this process's own; each is checked
/// free when handed out.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Span = 12000;

    private static readonly int Offset = (Environment.ProcessId * 131) % Span;
    private static int handedOut;

    /// <summary>A TCP port on loopback that nothing listens on and that no other caller in this process gets.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < Span; tries++)
        {
            var port = First + ((Offset + Interlocked.Increment(ref handedOut)) % Span);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {First + Span - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
