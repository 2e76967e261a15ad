using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Reporting;
using Safeguard.ServiceDefaults.Security;
using Safeguard.TrainingRegistry.Access;
using Safeguard.TrainingRegistry.Persistence;

namespace Safeguard.TrainingRegistry.Indicators;

/// <summary>People trained at one institution in a year, by activity.</summary>
public sealed record InstitutionYear(string Institution, int Year, int? PeopleTrained, IReadOnlyDictionary<string, int?> ByActivity);

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
            .WithSummary("The year's counts as CSV (table,key,column,value): per activity, target group and institution; counts below 5 suppressed")
            .Produces<byte[]>(contentType: CsvReport.ContentType);
        return app;
    }

    /// <summary>The ministry's analysts read counts as they leave the registry; its administrators, as they are.</summary>
    private static bool ForAnalyst(HttpContext http) => http.Caller() is var caller && caller.Is(PlatformRoles.Analyst) && !caller.Is(PlatformRoles.TrainingAdmin);

    private static async Task<IResult> ByActivityAsync(int? year, string? activity, HttpContext http, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var facts = await TrainingIndicators.LoadAsync(db, y, cancellationToken);
        var years = facts.Activities.Where(a => activity is null || a.Code == activity).Select(a => TrainingIndicators.For(a, y, facts));
        return TypedResults.Ok((ForAnalyst(http) ? years.Select(AnalystView.Protect) : years).ToList());
    }

    private static async Task<IResult> ByInstitutionAsync(int? year, HttpContext http, TrainingRegistryDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var completions = (await TrainingIndicators.LoadAsync(db, y, cancellationToken)).CompletionsIn(y);
        var institutions = completions.GroupBy(c => c.Institution).OrderBy(g => g.Key).Select(g => new InstitutionYear(g.Key, y,
            g.Select(c => c.ParticipantId).Distinct().Count(),
            g.GroupBy(c => c.ActivityCode).OrderBy(a => a.Key).ToDictionary(a => a.Key, a => (int?)a.Select(c => c.ParticipantId).Distinct().Count())));
        return TypedResults.Ok((ForAnalyst(http) ? institutions.Select(AnalystView.Protect) : institutions).ToList());
    }

    private static async Task<IResult> ExportAsync(int? year, TrainingRegistryDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Year(year, time) is not { } y)
        {
            return InvalidYear();
        }
        var facts = await TrainingIndicators.LoadAsync(db, y, cancellationToken);
        var (activities, completions) = (facts.Activities, facts.CompletionsIn(y));
        var rows = new List<IReadOnlyList<object?>>();
        var cells = new List<CountCell>();
        var groups = new List<CountGroup>();
        foreach (var a in activities)
        {
            var byGroup = completions.Where(c => c.ActivityCode == a.Code).GroupBy(c => (KebabCaseEnum.Name(c.TargetGroup), c.Institution))
                .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Institution)
                .Select(g => (g.Key, People: new CountCell(g.Select(c => c.ParticipantId).Distinct().Count()))).ToList();
            if (byGroup.Count == 0)
            {
                continue;
            }
            // The activity's total is published by the indicator view: its rows are one group, protected together.
            var total = new CountCell(completions.Where(c => c.ActivityCode == a.Code).Select(c => c.ParticipantId).Distinct().Count());
            groups.Add(new CountGroup(total, byGroup.Select(r => r.People).ToList()));
            var trainings = facts.HeldIn(a.Code, y, y);
            rows.AddRange(byGroup.Select(r => (IReadOnlyList<object?>)[y, a.Code, r.Key.Item1, r.Key.Institution, r.People, trainings]));
            cells.AddRange(byGroup.Select(r => r.People));
        }
        SmallCounts.Protect(cells, groups);
        var table = new ReportTable("Training", ["year", "activity", "target group", "institution", "people trained", "trainings held for activity"], 4, rows);
        return TypedResults.File(CsvReport.Write([table]), CsvReport.ContentType, $"training-indicators-{y}.csv");
    }

    private static int? Year(int? year, TimeProvider time) => (year ?? time.GetUtcNow().Year) is var y and >= 2000 and <= 2100 ? y : null;

    private static IResult InvalidYear() => Problems.Invalid("year", "The year must be between 2000 and 2100.");
}
