using System.ComponentModel.DataAnnotations;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>Opens a case when a centre for social work learns of violence (Rulebook Art. 5).</summary>
public sealed class OpenCaseRequest
{
    /// <summary>Code of the centre for social work that owns the case: 2 to 10 capital letters, e.g. "SK".</summary>
    [Required]
    [RegularExpression("^[A-Z]{2,10}$", ErrorMessage = "The centre code must be 2 to 10 capital letters, e.g. \"SK\".")]
    public string? CentreCode { get; init; }

    /// <summary>Who reported the violence: police, victim, health, school, ngo or other.</summary>
    [Required]
    public ReportSource? ReportedBy { get; init; }

    /// <summary>When the centre learned of the violence; the 12-hour clock of Art. 5 runs from here.</summary>
    [Required]
    public DateTimeOffset? LearnedAt { get; init; }

    [Required]
    public VictimInput? Victim { get; init; }

    /// <summary>Household members who are at risk too, children included.</summary>
    [MaxLength(30)]
    public List<HouseholdMemberInput>? Household { get; init; }

    /// <summary>The perpetrator, when known.</summary>
    public PerpetratorInput? Perpetrator { get; init; }
}

public sealed class VictimInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    /// <summary>adult, child or limited-legal-capacity (Art. 22: the latter two are protected without consent).</summary>
    [Required]
    public VictimCategory? Category { get; init; }

    public DateOnly? DateOfBirth { get; init; }
}

public sealed class HouseholdMemberInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    /// <summary>Relation to the victim, e.g. "daughter", "mother".</summary>
    [Required, StringLength(100, MinimumLength = 2)]
    public string? Relation { get; init; }

    public bool IsChild { get; init; }
}

public sealed class PerpetratorInput
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? FullName { get; init; }

    /// <summary>e.g. "husband", "former partner", "father".</summary>
    [Required, StringLength(100, MinimumLength = 2)]
    public string? RelationToVictim { get; init; }
}
