using System.ComponentModel.DataAnnotations;

namespace Safeguard.Reintegration.Plans;

/// <summary>Adopts the individual reintegration plan (004 §1.2), built from standard packages for the assessed needs.</summary>
public sealed class AdoptPlanRequest
{
    [Required]
    public DateTimeOffset? AdoptedAt { get; init; }

    [Required, MinLength(1), MaxLength(50)]
    public List<PlanItemInput>? Items { get; init; }
}

public sealed class PlanItemInput
{
    /// <summary>A standard package code (GET /packages).</summary>
    [Required, StringLength(60)]
    public string? Package { get; init; }

    public Guid? MemberId { get; init; }

    /// <summary>The package's own institution when not given.</summary>
    public InstitutionKind? ResponsibleInstitution { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? ResponsibleName { get; init; }

    [Required]
    public DateOnly? DueOn { get; init; }
}

public sealed class AddPlanItemsRequest
{
    [Required, MinLength(1), MaxLength(50)]
    public List<PlanItemInput>? Items { get; init; }
}

public sealed class PlanItemStatusRequest
{
    [Required]
    public PlanItemStatus? Status { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }
}

/// <summary>A package that fits an assessed need, offered when the plan is drawn up.</summary>
public sealed record ProposedItem(string Package, string Title, string Source, Guid? MemberId, string Need, InstitutionKind Institution);

public sealed record PlanView(Guid CaseId, DateTimeOffset? AdoptedAt, IReadOnlyList<PlanItem> Items, uint Version);
