namespace Safeguard.Notification.Notifications;

/// <summary>
/// How hard the platform tries before a notification is marked failed: exponential back-off from
/// <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>. The defaults ride out an SMTP
/// outage of about an hour before an operator must act. Configuration section "Delivery".
/// </summary>
public sealed class DeliveryPolicy
{
    public int MaxAttempts { get; set; } = 12;

    /// <summary>
    /// E-mails sent at once by one notification process (each under its own row lock). One at a time could not
    /// keep up with a busy hour: the SMTP exchange, not the database, is the slow part (issue 10 benchmark).
    /// </summary>
    public int Parallelism { get; set; } = 4;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * factor));
    }
}
