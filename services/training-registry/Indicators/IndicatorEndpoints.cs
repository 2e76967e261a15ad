using System.Globalization;
using System.Text;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Indicators;

/// <summary>People trained at one institution in a year, by activity.</summary>
public sealed record InstitutionYear(string Institution, int Year, int PeopleTrained, IReadOnlyDictionary<string, int> ByActivity);

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TrainingRegistryService.Description.ApiPrefix + "/indicators").WithTags("Indicators")
            // Counts only: the analyst's view of the registry.
            .AllowRoles(PlatformRoles.TrainingAdmin, PlatformRoles.Analyst);
        group.MapGet("/", ByActivityAsync).WithName("TrainingIndicators")
            .WithSummary("Per activity for a year: trainings held, people trained by target group and institution, against the plan's indicators")
            .Produces<ActivityYear[]>().ProducesValidationProblem();
        group.MapGet("/institutions", ByInstitutionAsync).WithName("TrainingByInstitution").WithSummary("People trained per institution for a year")
            .Produces<InstitutionYear[]>().ProducesValidationProblem();
        group.MapGet("/export.csv", ExportAsync).WithName("ExportTrainingIndicators")
            .WithSummary("The year's counts as CSV: one row per activity, target group and institution").Produces<string>(contentType: "text/csv");
        return app;
    }

    private static async Task<IResult> ByActivityAsync(int? year, string? activity, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var (activities, completions, held) = await TrainingIndicators.LoadAsync(db, y, cancellationToken);
        return TypedResults.Ok(activities.Where(a => activity is null || a.Code == activity).Select(a => TrainingIndicators.For(a, y, completions, held)).ToList());
    }

    private static async Task<IResult> ByInstitutionAsync(int? year, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var (_, completions, _) = await TrainingIndicators.LoadAsync(db, y, cancellationToken);
        return TypedResults.Ok(completions.GroupBy(c => c.Institution).OrderBy(g => g.Key).Select(g => new InstitutionYear(g.Key, y,
            g.Select(c => c.ParticipantId).Distinct().Count(),
            g.GroupBy(c => c.ActivityCode).OrderBy(a => a.Key).ToDictionary(a => a.Key, a => a.Select(c => c.ParticipantId).Distinct().Count()))).ToList());
    }

    private static async Task<IResult> ExportAsync(int? year, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var (activities, completions, held) = await TrainingIndicators.LoadAsync(db, y, cancellationToken);
        var csv = new StringBuilder("year,activity,target_group,institution,people_trained,trainings_held_for_activity\r\n");
        foreach (var a in activities)
        {
            var rows = completions.Where(c => c.ActivityCode == a.Code).GroupBy(c => (KebabCaseEnum.Name(c.TargetGroup), c.Institution))
                .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Institution);
            foreach (var row in rows)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{y},{a.Code},{row.Key.Item1},{Quote(row.Key.Institution)},{row.Select(c => c.ParticipantId).Distinct().Count()},{held.GetValueOrDefault(a.Code)}\r\n");
            }
        }
        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs it.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static int? Year(int? year, TimeProvider time) => (year ?? time.GetUtcNow().Year) is var y and >= 2000 and <= 2100 ? y : null;

    private static IResult InvalidYear() => Problems.Invalid("year", "The year must be between 2000 and 2100.");
}
