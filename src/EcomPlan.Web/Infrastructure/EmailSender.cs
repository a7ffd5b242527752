using EcomPlan.Web.Data;
using EcomPlan.Web.Features.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EcomPlan.Web.Infrastructure;

/// <summary>SMTP server settings (configuration section "Smtp").</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@ecomplan.local";
    public string FromName { get; set; } = "EcomPlan";
}

/// <summary>
/// Sends e-mail through the configured SMTP server (MailKit). With a <see cref="Notice"/>, the recipient (if they
/// have an account) also finds it in the platform's notification list, whatever becomes of the e-mail.
/// </summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, ILogger<EmailSender> logger, IDbContextFactory<EcomPlanDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// The e-mail and, beside it, an in-app notification. Only for messages without secrets: never for invitation or
    /// password links, which must reach nobody but the mailbox.
    /// </summary>
    public async Task SendAsync(string toAddress, string toName, string subject, string htmlBody, string textBody, Notice notice, CancellationToken ct = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await NotificationQueries.NotifyAddressAsync(db, toAddress, notice, clock.GetUtcNow(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Không ghi được thông báo trong ứng dụng cho {To}", toAddress);
        }
        await SendAsync(toAddress, toName, subject, htmlBody, textBody, ct);
    }

    public async Task SendAsync(string toAddress, string toName, string subject, string htmlBody, string textBody, CancellationToken ct = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody, TextBody = textBody }.ToMessageBody();

        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Đã gửi thư '{Subject}' tới {To}", subject, toAddress);
    }
}
