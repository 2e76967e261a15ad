using System.Text.Json;

namespace Safeguard.SafetyPlan.Calendar;

/// <summary>A public holiday; <see cref="ToBeConfirmed"/> when its date follows a yearly decision not yet checked.</summary>
public sealed record Holiday(DateOnly Date, string Name, bool ToBeConfirmed);

/// <summary>
/// Rulebook Art. 21: each member reports to the centre "at least once a day during the working week". The
/// Rulebook is North Macedonia's, so a working day is Monday to Friday except the country's public holidays:
/// the fixed dates of its holidays law, Orthodox Easter Monday (computed), and the dates set by a yearly
/// decision (Ramadan Bayram), kept as data per year and marked to be confirmed (public-holidays-mk.json).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HolidayData _data;
    private readonly Dictionary<int, IReadOnlyList<Holiday>> _years = [];
    private readonly Lock _gate = new();

    private WorkingCalendar(HolidayData data) => _data = data;

    public static WorkingCalendar NorthMacedonia { get; } = Load("public-holidays-mk.json");

    /// <summary>The years whose decision-set holidays are on file; outside them only the law's dates and Easter count.</summary>
    public IReadOnlyCollection<int> YearsOnFile => _data.ByDecision.Years.Keys.Select(int.Parse).Order().ToArray();

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidaysOf(day.Year).All(h => h.Date != day);

    public IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        lock (_gate)
        {
            if (!_years.TryGetValue(year, out var holidays))
            {
                holidays = _data.Fixed.Select(f => new Holiday(new DateOnly(year, f.Month, f.Day), f.Name, false))
                    .Append(new Holiday(OrthodoxEaster(year).AddDays(1), _data.OrthodoxEasterMonday.Name, false))
                    .Concat(_data.ByDecision.Years.GetValueOrDefault(year.ToString(System.Globalization.CultureInfo.InvariantCulture), [])
                        .Select(d => new Holiday(DateOnly.Parse(d.Date, System.Globalization.CultureInfo.InvariantCulture), d.Name, true)))
                    .OrderBy(h => h.Date)
                    .ToArray();
                _years[year] = holidays;
            }
            return holidays;
        }
    }

    /// <summary>
    /// Orthodox Easter Sunday in the Gregorian calendar: Meeus's algorithm for the Julian calendar, then the
    /// 13 days between the calendars, which hold from 1900 to 2099.
    /// </summary>
    public static DateOnly OrthodoxEaster(int year)
    {
        if (year is < 1900 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The Julian-to-Gregorian offset used here holds from 1900 to 2099.");
        }
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = (19 * c + 15) % 30;
        var e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }

    private static WorkingCalendar Load(string resource)
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream($"Safeguard.SafetyPlan.Calendar.{resource}")
            ?? throw new InvalidOperationException($"The holiday calendar {resource} is not embedded.");
        return new WorkingCalendar(JsonSerializer.Deserialize<HolidayData>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The holiday calendar {resource} is empty."));
    }

    private sealed record HolidayData(FixedHoliday[] Fixed, NamedRule OrthodoxEasterMonday, DecisionDates ByDecision);

    private sealed record FixedHoliday(int Month, int Day, string Name);

    private sealed record NamedRule(string Name);

    private sealed record DecisionDates(Dictionary<string, DecidedHoliday[]> Years);

    private sealed record DecidedHoliday(string Date, string Name);
}
