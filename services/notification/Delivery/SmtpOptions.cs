using MailKit.Security;

namespace Safeguard.Notification.Delivery;

/// <summary>SMTP settings, configuration section "Smtp". The AppHost points them at the local smtp4dev.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>
    /// Why these settings may send mail in clear (issue 24 §12), or null: only SslOnConnect and StartTls require TLS;
    /// "when available" and Auto fall back to clear text against a server (or an attacker) that offers none.
    /// </summary>
    public string? TlsWeakness => Security is SecureSocketOptions.SslOnConnect or SecureSocketOptions.StartTls
        ? null
        : $"SMTP with Security={Security} instead of SslOnConnect or StartTls";

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string SenderAddress { get; set; } = "safeguard@localhost";

    public string SenderName { get; set; } = "Safeguard";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
