using System.Globalization;

namespace Safeguard.Workspace.Components;

/// <summary>Dates and times as the country reads and types them: its own time zone, whatever the server's.</summary>
public static class LocalTime
{
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    // A browser gives seconds (and fractions) when the value was set with them.
    private static readonly string[] InputFormats = [InputFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Skopje", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The country's wall-clock time at <paramref name="at"/>.</summary>
    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    public static string Format(DateTimeOffset at) => Local(at).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The value of a date-and-time input (its local time, to the minute).</summary>
    public static string ToInput(DateTimeOffset at) => Local(at).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>What she typed in a date-and-time input, read as the country's local time; null when it is no such time.</summary>
    public static DateTimeOffset? FromInput(string? value)
    {
        if (!DateTime.TryParseExact(value, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        // A time skipped by the spring change does not exist: read it as the hour after.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
