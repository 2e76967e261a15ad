namespace Safeguard.Workspace.Components;

/// <summary>Dates and times as the country reads them: its own time zone, whatever the server's.</summary>
public static class LocalTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Skopje", out var zone) ? zone : TimeZoneInfo.Utc;

    public static string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
