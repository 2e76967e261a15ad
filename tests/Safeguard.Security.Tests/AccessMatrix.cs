using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Security.Tests;

/// <summary>
/// Which roles each endpoint admits (issue 9), as documented in the README's access matrix. Every operation
/// the services publish in their OpenAPI documents must have a row here, so a new endpoint cannot ship
/// without a decision. Rows name the route as OpenAPI does; a role admitted here still meets the record
/// rules (her centre, her team, her municipality), which <see cref="RecordRuleTests"/> tries.
/// </summary>
public static class AccessMatrix
{
    private const string CW = PlatformRoles.CsrCaseWorker, SV = PlatformRoles.CsrSupervisor, TM = PlatformRoles.TeamMember,
        RO = PlatformRoles.ReintegrationOfficer, PO = PlatformRoles.PrisonProbationOfficer, TA = PlatformRoles.TrainingAdmin,
        AN = PlatformRoles.Analyst, PA = PlatformRoles.PlatformAdmin;

    private static readonly string[] Anyone = [.. PlatformRoles.All];
    private static readonly string[] Csr = [CW, SV];
    private static readonly string[] CsrAndTeam = [CW, SV, TM];
    private static readonly string[] Auditors = [SV, PA];
    private static readonly string[] AccountManagers = [SV, PA];

    public sealed record Row(string Method, string Route, string[] Roles);

    public static readonly Row[] Rows =
    [
        // risk-assessment: the centre's cases (Rulebook Art. 5-8, 19, 22)
        new("GET", "/api/risk-assessment/instrument", Anyone),
        new("GET", "/api/risk-assessment/instrument/{version}", Anyone),
        new("POST", "/api/risk-assessment/cases", Csr),
        new("GET", "/api/risk-assessment/cases", Csr),
        new("POST", "/api/risk-assessment/cases/search", Csr),
        new("GET", "/api/risk-assessment/cases/{id}", Csr),
        new("POST", "/api/risk-assessment/cases/{id}/closure", Csr),
        new("POST", "/api/risk-assessment/cases/{id}/erasure", [SV]),
        new("POST", "/api/risk-assessment/cases/{caseId}/assessments", Csr),
        new("GET", "/api/risk-assessment/cases/{caseId}/assessments", Csr),
        new("GET", "/api/risk-assessment/cases/{caseId}/assessments/{assessmentId}", Csr),
        new("GET", "/api/risk-assessment/cases/{caseId}/risk-history", Csr),
        new("POST", "/api/risk-assessment/evaluations", Csr),
        new("POST", "/api/risk-assessment/cases/{caseId}/consents", Csr),
        new("POST", "/api/risk-assessment/cases/{caseId}/consents/withdrawal", Csr),
        new("POST", "/api/risk-assessment/cases/{caseId}/consents/{consentId}/follow-up", Csr),
        new("GET", "/api/risk-assessment/cases/{caseId}/consents", Csr),
        new("POST", "/api/risk-assessment/cases/{caseId}/police-reports", CsrAndTeam),
        new("GET", "/api/risk-assessment/cases/{caseId}/police-reports", CsrAndTeam),
        new("GET", "/api/risk-assessment/audit/{recordType}/{id}", Auditors),
        new("GET", "/api/risk-assessment/dead-letters", [PA]),
        new("POST", "/api/risk-assessment/dead-letters/{queue}/replay", [PA]),

        // safety-plan: plans of the centre and of the teams a member sits in (Art. 15-21, Annexes 3-6)
        new("GET", "/api/safety-plans/plans", CsrAndTeam),
        new("GET", "/api/safety-plans/plans/{id}", CsrAndTeam),
        new("GET", "/api/safety-plans/plans/by-case/{caseId}", CsrAndTeam),
        new("POST", "/api/safety-plans/plans/{planId}/adoption", Csr),
        new("POST", "/api/safety-plans/plans/{planId}/measures", Csr),
        new("GET", "/api/safety-plans/measure-catalogue", Csr),
        new("GET", "/api/safety-plans/kpis", [SV, AN]),
        new("POST", "/api/safety-plans/plans/{planId}/closure", Csr),
        new("POST", "/api/safety-plans/plans/{planId}/moves", Csr),
        new("GET", "/api/safety-plans/plans/{planId}/form", CsrAndTeam),
        new("PUT", "/api/safety-plans/plans/{planId}/form", Csr),
        new("GET", "/api/safety-plans/plans/{planId}/notices", CsrAndTeam),
        new("PUT", "/api/safety-plans/plans/{planId}/measures/{measureId}/notice-recipient", Csr),
        new("PUT", "/api/safety-plans/individual-plans/{caseId}", Csr),
        new("GET", "/api/safety-plans/individual-plans/{caseId}", Csr),
        new("POST", "/api/safety-plans/individual-plans/{caseId}/monitoring", Csr),
        new("GET", "/api/safety-plans/individual-plans/{caseId}/monitoring", Csr),
        new("GET", "/api/safety-plans/individual-plans/{caseId}/clocks", Csr),
        new("POST", "/api/safety-plans/plans/{planId}/contacts", CsrAndTeam),
        new("POST", "/api/safety-plans/plans/{planId}/reports", CsrAndTeam),
        new("POST", "/api/safety-plans/plans/{planId}/evaluations", CsrAndTeam),
        new("GET", "/api/safety-plans/plans/{planId}/monitoring", CsrAndTeam),
        new("GET", "/api/safety-plans/clocks", Csr),
        new("POST", "/api/safety-plans/plans/{planId}/risk-alerts", CsrAndTeam),
        new("POST", "/api/safety-plans/plans/{planId}/meetings", Csr),
        new("POST", "/api/safety-plans/plans/{planId}/measures/{measureId}/status", CsrAndTeam),
        new("POST", "/api/safety-plans/teams", [SV]),
        new("GET", "/api/safety-plans/teams", Csr),
        new("GET", "/api/safety-plans/teams/{id}", CsrAndTeam),
        new("PUT", "/api/safety-plans/teams/{id}/institutions/{institution}", [SV]),
        new("DELETE", "/api/safety-plans/teams/{id}/institutions/{institution}", [SV]),
        new("GET", "/api/safety-plans/teams/{id}/history", Csr),
        new("POST", "/api/safety-plans/seats/acceptance", CsrAndTeam),
        new("GET", "/api/safety-plans/audit/{recordType}/{id}", Auditors),
        new("GET", "/api/safety-plans/dead-letters", [PA]),
        new("POST", "/api/safety-plans/dead-letters/{queue}/replay", [PA]),

        // reintegration: the municipality's households (seed 004), the prison's handover (000 §4.3.4)
        new("GET", "/api/reintegration/packages", Anyone),
        new("GET", "/api/reintegration/objectives", Anyone),
        new("GET", "/api/reintegration/indicators", [AN, RO]),
        new("PUT", "/api/reintegration/indicators/{code}/values/{municipality}/{year}", [RO]),
        new("POST", "/api/reintegration/cases", [RO, PO]),
        new("GET", "/api/reintegration/cases", [RO]),
        new("POST", "/api/reintegration/cases/search", [RO]),
        new("GET", "/api/reintegration/cases/{id}", [RO, PO, CW, SV]),
        new("GET", "/api/reintegration/handovers", Csr),
        new("POST", "/api/reintegration/cases/{id}/members", [RO]),
        new("POST", "/api/reintegration/cases/{id}/erasure", [RO]),
        new("POST", "/api/reintegration/cases/{id}/release", [RO, PO, CW, SV]),
        new("POST", "/api/reintegration/cases/{id}/needs-assessments", [RO, CW, SV]),
        new("GET", "/api/reintegration/cases/{id}/needs-assessments", [RO, CW, SV]),
        new("GET", "/api/reintegration/cases/{id}/plan", [RO]),
        new("GET", "/api/reintegration/cases/{id}/plan/proposal", [RO]),
        new("POST", "/api/reintegration/cases/{id}/plan", [RO]),
        new("POST", "/api/reintegration/cases/{id}/plan/items", [RO]),
        new("POST", "/api/reintegration/cases/{id}/plan/items/{itemId}/status", [RO]),
        new("POST", "/api/reintegration/cases/{id}/consents", [RO]),
        new("POST", "/api/reintegration/cases/{id}/consents/{consentId}/withdrawal", [RO]),
        new("GET", "/api/reintegration/cases/{id}/consents", [RO]),
        new("POST", "/api/reintegration/cases/{id}/reviews", [RO]),
        new("GET", "/api/reintegration/cases/{id}/reviews", [RO]),
        new("POST", "/api/reintegration/referrals", [RO]),
        new("GET", "/api/reintegration/referrals", [RO, TM, CW, SV]),
        new("GET", "/api/reintegration/referrals/{id}", [RO, TM, CW, SV]),
        new("POST", "/api/reintegration/referrals/{id}/transitions", [RO, TM, CW, SV]),
        new("POST", "/api/reintegration/referrals/claims", [TM]),
        new("GET", "/api/reintegration/deadlines", [RO]),
        new("GET", "/api/reintegration/scheme-evaluations", [RO, AN]),
        new("GET", "/api/reintegration/scheme-evaluations/{municipality}/{quarter}/figures", [RO]),
        new("PUT", "/api/reintegration/scheme-evaluations/{municipality}/{quarter}", [RO]),
        new("GET", "/api/reintegration/progress-reports/{municipality}/{period}", [RO, AN]),
        new("GET", "/api/reintegration/audit/{recordType}/{id}", Auditors),
        new("GET", "/api/reintegration/dead-letters", [PA]),
        new("POST", "/api/reintegration/dead-letters/{queue}/replay", [PA]),

        // training-registry: action plan measures 1.1.x
        new("GET", "/api/training/goals", Anyone),
        new("GET", "/api/training/activities", Anyone),
        new("GET", "/api/training/activities/{code}", Anyone),
        new("POST", "/api/training/programmes", [TA]),
        new("GET", "/api/training/programmes", [TA]),
        new("GET", "/api/training/programmes/{id}", [TA]),
        new("GET", "/api/training/programmes/{id}/trainers", [TA]),
        new("POST", "/api/training/participants", [TA]),
        new("GET", "/api/training/participants", [TA]),
        new("GET", "/api/training/participants/{id}", [TA]),
        new("GET", "/api/training/participants/{id}/trainings", [TA]),
        new("POST", "/api/training/participants/{id}/erasure", [TA]),
        new("POST", "/api/training/sessions", [TA]),
        new("GET", "/api/training/sessions/{id}", [TA]),
        new("PUT", "/api/training/sessions/{id}", [TA]),
        new("POST", "/api/training/sessions/{id}/cancellation", [TA]),
        new("POST", "/api/training/sessions/{id}/enrolments", [TA]),
        new("POST", "/api/training/sessions/{id}/attendance", [TA]),
        new("POST", "/api/training/sessions/{id}/completions", [TA]),
        new("GET", "/api/training/indicators", [TA, AN]),
        new("GET", "/api/training/indicators/institutions", [TA, AN]),
        new("GET", "/api/training/indicators/export.csv", [TA, AN]),
        new("GET", "/api/training/audit/{recordType}/{id}", Auditors),
        new("GET", "/api/training/dead-letters", [PA]),
        new("POST", "/api/training/dead-letters/{queue}/replay", [PA]),

        // notification: the platform's operators
        new("GET", "/api/notifications", [PA]),
        new("POST", "/api/notifications/{id}/retry", [PA]),
        new("PUT", "/api/notifications/institutions/{code}", [PA]),
        new("GET", "/api/notifications/institutions", [PA]),
        new("GET", "/api/notifications/dead-letters", [PA]),
        new("POST", "/api/notifications/dead-letters/{queue}/replay", [PA]),

        // identity: institutions, accounts and clients (issue 22 §3); a supervisor manages her centre's case workers
        new("POST", "/api/identity/institutions", [PA]),
        new("GET", "/api/identity/institutions", [PA]),
        new("POST", "/api/identity/institutions/{code}/accounts", AccountManagers),
        new("GET", "/api/identity/institutions/{code}/accounts", AccountManagers),
        new("GET", "/api/identity/accounts/{id}", AccountManagers),
        new("POST", "/api/identity/accounts/{id}/disable", AccountManagers),
        new("POST", "/api/identity/accounts/{id}/reset", AccountManagers),
        new("POST", "/api/identity/clients", [PA]),
        new("GET", "/api/identity/audit/{recordType}/{id}", Auditors),
        new("GET", "/api/identity/dead-letters", [PA]),
        new("POST", "/api/identity/dead-letters/{queue}/replay", [PA]),
    ];

    /// <summary>A concrete path for a route: ids are new GUIDs (no record: the role check comes first).</summary>
    public static string Concrete(Row row) => System.Text.RegularExpressions.Regex.Replace(row.Route, @"\{(\w+)\}", m => m.Groups[1].Value switch
    {
        "version" => "2025.1",
        "code" when row.Route.Contains("/activities/") => "1.1.1",
        "code" when row.Route.Contains("/indicators/") => "2.1",
        "code" => "TXSEC",
        "institution" => "police",
        "municipality" => "TXMUN",
        "year" => "2026",
        "recordType" => row.Route.Split('/')[2] switch
        {
            "risk-assessment" => "case",
            "safety-plans" => "plan",
            "reintegration" => "reintegration-case",
            "identity" => "account",
            _ => "participant",
        },
        _ => Guid.NewGuid().ToString(),
    });
}
