using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Delivery;

/// <summary>
/// Sends rendered e-mails over SMTP with MailKit. Connections are kept open between e-mails (one per parallel
/// delivery round at most): opening one per e-mail doubled the SMTP exchange, and under load delivery fell to
/// 8-16 e-mails a second (issue 10 benchmark). A connection idle longer than <see cref="MaxIdle"/> is closed
/// rather than reused, since servers drop idle sessions.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(20);
    private readonly ConcurrentBag<IdleConnection> _idle = [];

    public async Task SendAsync(Guid notificationId, string recipient, RenderedEmail email, CancellationToken cancellationToken)
    {
        var message = Compose(notificationId, recipient, email);
        var (client, reused) = await RentAsync(cancellationToken);
        while (true)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
                break;
            }
            catch (Exception ex)
            {
                client.Dispose();
                if (!reused || !IsBrokenConnection(ex) || cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                // The server closed a kept connection (restart, its own idle limit): once more on a new one. A
                // resend cannot pass unnoticed: it carries the same Message-ID.
                (client, reused) = (await ConnectAsync(cancellationToken), false);
            }
        }
        _idle.Add(new IdleConnection(client, time.GetUtcNow()));
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var idle))
        {
            idle.Client.Dispose();
        }
    }

    private MimeMessage Compose(Guid notificationId, string recipient, RenderedEmail email)
    {
        var smtp = options.Value;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // The same notification always carries the same Message-ID, so a resend after a crash is recognisable.
            MessageId = $"{notificationId:N}@safeguard",
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(smtp.SenderName, smtp.SenderAddress));
        message.To.Add(MailboxAddress.Parse(recipient));
        return message;
    }

    private async Task<(SmtpClient Client, bool Reused)> RentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && now - idle.Since < MaxIdle)
            {
                return (idle.Client, true);
            }
            idle.Client.Dispose();
        }
        return (await ConnectAsync(cancellationToken), false);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Failures of the connection itself, as opposed to the server refusing this e-mail.</summary>
    private static bool IsBrokenConnection(Exception ex) => ex is IOException or ServiceNotConnectedException or SmtpProtocolException;

    private sealed record IdleConnection(SmtpClient Client, DateTimeOffset Since);
}
