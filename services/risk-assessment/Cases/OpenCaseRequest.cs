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
}
