using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;

namespace CoalitionBot.Testing.Email;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, for the tests' MailKit client to talk to. It
/// keeps what it receives as parsed MIME messages and answers the replies a test asks for, per recipient.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _sessions;

    private SmtpTestServer(X509Certificate2? certificate, (string User, string Password)? login, int? port)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("smtp.test.example").Endpoint(endpoint =>
        {
            endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
            if (certificate is not null)
            {
                endpoint.Certificate(certificate);
            }

            if (login is not null)
            {
                endpoint.AuthenticationRequired();
            }
        }).Build();
        var services = new ServiceProvider();
        services.Add(new SmtpTestMailboxFilter(RecipientReplies));
        services.Add(new SmtpTestMessageStore(this));
        services.Add(new SmtpTestAuthenticator(login, Logins));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Messages accepted, in order.</summary>
    public ConcurrentQueue<ReceivedEmail> Received { get; } = new();

    /// <summary>An SMTP reply code to give to RCPT TO for an address (e.g. 550, 451).</summary>
    public ConcurrentDictionary<string, int> RecipientReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An SMTP reply code to give at the end of DATA when the message is for this address (e.g. 554).</summary>
    public ConcurrentDictionary<string, int> DataReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>User names that logged in successfully.</summary>
    public ConcurrentQueue<string> Logins { get; } = new();

    /// <summary>How many SMTP sessions (connections) clients opened.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public static SmtpTestServer Start(X509Certificate2? certificate = null, (string User, string Password)? login = null, int? port = null) =>
        new(certificate, login, port);

    internal void Accept(MimeMessage message, bool secure) => Received.Enqueue(new ReceivedEmail(message, secure));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
