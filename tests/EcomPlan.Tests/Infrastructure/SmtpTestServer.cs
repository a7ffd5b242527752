using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace EcomPlan.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback for the tests: Debian's aiosmtpd (python3-aiosmtpd, installed by the test
/// command) writing every message it receives into a maildir that the tests read.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private static readonly Lazy<SmtpTestServer> Shared = new(() => new SmtpTestServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One server for the whole test run; messages are told apart by their unique recipients.</summary>
    public static SmtpTestServer Instance => Shared.Value;

    public int Port { get; }
    private readonly string maildir;
    private readonly Process process;

    private SmtpTestServer()
    {
        Port = FreePort();
        maildir = Path.Combine(Path.GetTempPath(), $"ecomplan-mail-{Guid.NewGuid():N}");
        var python = Environment.GetEnvironmentVariable("ECOMPLAN_SMTP_PYTHON") ?? "/usr/bin/python3";
        process = Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd did not start on port {Port} (exit: {(process.HasExited ? process.ExitCode : "running")}): {(process.HasExited ? process.StandardError.ReadToEnd() : "")}. The test command installs python3-aiosmtpd.");
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>All messages received so far for <paramref name="recipient"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string recipient)
    {
        var folder = Path.Combine(maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public async Task<MimeMessage> WaitForMessageAsync(string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (MessagesTo(recipient).LastOrDefault() is { } m) return m;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no e-mail arrived for {recipient}");
    }

    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.Dispose();
    }
}
