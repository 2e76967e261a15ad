using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Workspace.Components;

/// <summary>Who sees which pages: the same roles the APIs behind them allow (README, access table).</summary>
public static class WorkspaceRoles
{
    /// <summary>A centre's case workers and supervisors: cases, assessments, consent, plans.</summary>
    public const string Centre = PlatformRoles.CsrCaseWorker + "," + PlatformRoles.CsrSupervisor;

    /// <summary>Whoever may sit on a multisectoral team: a centre's own people and the partner institutions' members.</summary>
    public const string Team = Centre + "," + PlatformRoles.TeamMember;

    /// <summary>Who reads the protection chain's KPIs: a centre's supervisor (her own centre) and the ministry's analysts (any, small counts withheld).</summary>
    public const string Figures = PlatformRoles.CsrSupervisor + "," + PlatformRoles.Analyst;
}
