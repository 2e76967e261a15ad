namespace Safeguard.Notification.Templates;

/// <summary>Times in e-mails are shown in the country's time (Central European), with the offset spelled out.</summary>
public static class DisplayTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{local:dd.MM.yyyy HH:mm} (UTC{sign}{offset:hh\\:mm})";
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Skopje");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // no tz database on the machine: the offset shown keeps it unambiguous
        }
    }
}
