using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Reporting;

namespace Safeguard.Reintegration.Reports;

/// <summary>
/// Lays a municipality's progress report out as the tables the ministry receives (004 §10.3) — the report, the
/// cases, the indicators against baseline and target, the quarterly scheme evaluations — and protects every count
/// with <see cref="SmallCounts"/>, the platform's one rule for what leaves an institution.
/// </summary>
public static class ProgressReportTables
{
    public static IReadOnlyList<ReportTable> Build(ProgressReportData data)
    {
        var singles = new List<CountCell>();
        var groups = new List<CountGroup>();
        CountCell Count(int value)
        {
            var cell = new CountCell(value);
            singles.Add(cell);
            return cell;
        }

        // Closed = sustainable + not sustainable + early: one group, so no single hidden closure can be worked out.
        var c = data.Cases;
        var (sustainable, notSustainable, early) = (Count(c.ClosedSustainable), Count(c.ClosedNotSustainable), Count(c.ClosedEarly));
        var closed = Count(c.ClosedSustainable + c.ClosedNotSustainable + c.ClosedEarly);
        groups.Add(new CountGroup(closed, [sustainable, notSustainable, early]));
        var cases = new ReportTable("Cases", ["measure", "count"], 1,
        [
            ["opened (arrived in the period)", Count(c.Opened)],
            ["closed", closed],
            ["closed: sustainable reintegration", sustainable],
            ["closed: not sustainable", notSustainable],
            ["closed early (death, departure, transfer)", early],
        ]);

        var indicatorRows = new List<IReadOnlyList<object?>>();
        foreach (var objective in data.Objectives)
        {
            foreach (var i in objective.Indicators)
            {
                object? actual = i.Actual;
                CountCell? numerator = null, denominator = null;
                if (i.Counts(singles, groups) is var (counted, of))
                {
                    (numerator, denominator) = (counted, of);
                    actual = new PercentCell(counted, of);
                }
                indicatorRows.Add([i.Code, objective.Number, i.TextEn, KebabCaseEnum.Name(i.Measure), i.Baseline, i.TargetYear, i.Target, actual, numerator,
                    denominator, i.Basis, i.ToConfirm]);
            }
        }
        var indicators = new ReportTable("Indicators",
            ["indicator", "objective", "title", "measure", "baseline %", "target year", "target %", "actual %", "counted", "of", "basis", "to confirm"], 1,
            indicatorRows);

        var evaluationRows = new List<IReadOnlyList<object?>>();
        var packageRows = new List<IReadOnlyList<object?>>();
        var needRows = new List<IReadOnlyList<object?>>();
        foreach (var q in data.Schemes)
        {
            var quarter = q.Quarter.ToString();
            evaluationRows.Add([quarter, KebabCaseEnum.Name(q.Status), Count(q.Figures.HouseholdsAssessed), Count(q.Figures.PlansAdopted), q.Impact, q.ProposedChanges]);
            foreach (var p in q.Figures.Packages)
            {
                var (done, rejected, revoked, open) = (Count(p.ReferralsDone), Count(p.ReferralsRejected), Count(p.ReferralsRevoked), Count(p.ReferralsOpen));
                var sent = Count(p.ReferralsSent);
                groups.Add(new CountGroup(sent, [done, rejected, revoked, open]));
                packageRows.Add([quarter, p.Package, Count(p.PlanItems), sent, done, rejected, revoked, open]);
            }
            foreach (var need in q.Figures.NeedsNotCovered)
            {
                needRows.Add([quarter, KebabCaseEnum.Name(need.Area), Count(need.Households)]);
            }
        }
        var evaluations = new ReportTable("Scheme evaluations",
            ["quarter", "status", "households assessed", "plans adopted", "impact", "proposed changes"], 1, evaluationRows);
        var packages = new ReportTable("Scheme uptake",
            ["quarter", "package", "plan items", "referrals sent", "done", "rejected", "revoked", "open"], 2, packageRows);
        var needs = new ReportTable("Needs not covered", ["quarter", "need area", "households"], 2, needRows);

        SmallCounts.Protect(singles, groups);

        var about = new ReportTable("Report", ["item", "value"], 1,
        [
            ["municipality", data.MunicipalityCode],
            ["period", data.Period.Label],
            ["from", data.Period.From.ToString("yyyy-MM-dd")],
            ["to (exclusive)", data.Period.To.ToString("yyyy-MM-dd")],
            ["generated at (UTC)", data.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm")],
            ["source", "Municipal plan for sustainable reintegration 2026-2028, §10.3"],
            ["small counts", $"Counts from 1 to {SmallCounts.Threshold - 1} show as \"{SmallCounts.Marker}\", and so does a second cell wherever a total would give a hidden one back."],
        ]);
        return [about, cases, indicators, evaluations, packages, needs];
    }
}
