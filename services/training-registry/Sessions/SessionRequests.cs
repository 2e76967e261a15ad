using System.ComponentModel.DataAnnotations;

namespace Safeguard.TrainingRegistry.Sessions;

public sealed class ScheduleSessionRequest
{
    [Required]
    public Guid? ProgrammeId { get; init; }

    /// <summary>The activity of the programme this session counts for.</summary>
    [Required, StringLength(10)]
    public string? ActivityCode { get; init; }

    [Required]
    public SessionTerms? Terms { get; init; }
}

/// <summary>What a change of a session may change.</summary>
public sealed class SessionTerms
{
    [Required]
    public DateOnly? StartsOn { get; init; }

    [Required]
    public DateOnly? EndsOn { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? Place { get; init; }

    [Required, Range(1, 500)]
    public int? Capacity { get; init; }

    [Required, MinLength(1), MaxLength(10)]
    public List<Guid>? TrainerIds { get; init; }
}

public sealed class ParticipantRequest
{
    [Required]
    public Guid? ParticipantId { get; init; }
}

public sealed class EnrolmentRequest
{
    [Required]
    public Guid? ParticipantId { get; init; }

    /// <summary>Her years of work experience: required where the activity limits its focus group by it (1.1.1: at most 5).</summary>
    [Range(0, 60)]
    public int? YearsOfExperience { get; init; }
}

public sealed class AttendanceRequest
{
    [Required]
    public Guid? ParticipantId { get; init; }

    [Required]
    public bool? Attended { get; init; }
}

public sealed record EnrolmentView(Guid ParticipantId, string FullName, string Institution, ActionPlan.TargetGroup TargetGroup, bool Attended, DateTimeOffset? CompletedAt, string? CertificateNumber);

public sealed record SessionView(Guid Id, Guid ProgrammeId, string ProgrammeTitle, string ActivityCode, DateOnly StartsOn, DateOnly EndsOn, string Place,
    int Capacity, IReadOnlyList<Guid> TrainerIds, SessionState State, IReadOnlyList<EnrolmentView> Enrolments, uint Version);
