using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Delivery;

/// <summary>Sends one rendered e-mail over SMTP with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(Guid notificationId, string recipient, RenderedEmail email, CancellationToken cancellationToken)
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

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
