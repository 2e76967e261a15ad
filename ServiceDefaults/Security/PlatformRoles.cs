namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// The roles a token may carry (claim "roles"), as named in issue 9 from the institutions of seed 003
/// Art. 17 (the multisectoral team) and seed 004 (municipal reintegration). A person may hold several.
/// </summary>
public static class PlatformRoles
{
    /// <summary>Works the cases of her centre for social work (Rulebook Art. 5–8).</summary>
    public const string CsrCaseWorker = "csr-case-worker";

    /// <summary>Heads a centre's casework: what a case worker may, plus closing cases, teams and the access history.</summary>
    public const string CsrSupervisor = "csr-supervisor";

    /// <summary>Police, health, school, employment, NGO member of a multisectoral team (Art. 17): the plans of her teams.</summary>
    public const string TeamMember = "team-member";

    /// <summary>Municipal reintegration officer (seed 004 §1.1): the reintegration cases of her municipality.</summary>
    public const string ReintegrationOfficer = "reintegration-officer";

    /// <summary>Prison or probation officer (000 §4.3.4): hands a prisoner over before release and confirms the release.</summary>
    public const string PrisonProbationOfficer = "prison-probation-officer";

    /// <summary>Runs the training registry (action plan measures 1.1.x).</summary>
    public const string TrainingAdmin = "training-admin";

    /// <summary>Reads indicators and counts, never a person.</summary>
    public const string Analyst = "analyst";

    /// <summary>Runs the platform: institution mailboxes, failed e-mails, access history. Never a victim's record.</summary>
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> All =
        [CsrCaseWorker, CsrSupervisor, TeamMember, ReintegrationOfficer, PrisonProbationOfficer, TrainingAdmin, Analyst, PlatformAdmin];

    /// <summary>Both CSR roles: a supervisor may do all a case worker may.</summary>
    public static readonly string[] Csr = [CsrCaseWorker, CsrSupervisor];

    /// <summary>The centre and the members of its teams: who works a safety plan together (Art. 17, 21).</summary>
    public static readonly string[] CsrAndTeam = [CsrCaseWorker, CsrSupervisor, TeamMember];
}
