using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IlioCare.Web.Tests;

/// <summary>
/// A real SMTP server in the test process (issue 18): the SmtpServer package on a free loopback port. It keeps every
/// message it accepts, can be stopped (the port refuses connections) and started again on the same port.
/// </summary>
public sealed partial class TestSmtpServer : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task? _serving;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>
    /// Listens on <see cref="Port"/>. Just after a stop the port may still be held for a moment (the old listener closes
    /// in the background), so a failed bind is tried again for a few seconds.
    /// </summary>
    public void Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(Received));
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
            _running = new CancellationTokenSource();
            _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
            if (Accepts()) return;
            _running.Dispose();
            if (attempt == 50) throw new InvalidOperationException($"The test SMTP server could not listen on port {Port}", _serving.Exception);
        }
    }

    /// <summary>True once the server takes connections (the bind happens in the background).</summary>
    private bool Accepts()
    {
        for (var i = 0; i < 20 && !_serving!.IsFaulted; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        return false;
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try { await _serving!; } catch (OperationCanceledException) { /* stopped */ }
        _running.Dispose();
        _running = null;
    }

    /// <summary>Waits until a message to <paramref name="to"/> whose subject contains <paramref name="subject"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subject, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (Received.FirstOrDefault(m => To(m) == to && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No mail to {to} about '{subject}' within the time; received: {string.Join("; ", Received.Select(m => $"{To(m)}: {m.Subject}"))}");
    }

    public static string To(MimeMessage m) => m.To.Mailboxes.Single().Address;

    /// <summary>The path and query of the message's link (the app's own pages).</summary>
    public static string LinkIn(MimeMessage m)
    {
        var url = Link().Match(m.TextBody ?? "");
        Assert.True(url.Success, "no link in the mail: " + m.TextBody);
        return new Uri(url.Value).PathAndQuery;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
