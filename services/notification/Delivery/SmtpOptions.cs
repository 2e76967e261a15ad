using MailKit.Security;

namespace Safeguard.Notification.Delivery;

/// <summary>SMTP settings, configuration section "Smtp". The AppHost points them at the local smtp4dev.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string SenderAddress { get; set; } = "safeguard@localhost";

    public string SenderName { get; set; } = "Safeguard";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
