namespace Safeguard.Contracts.Training;

/// <summary>
/// A professional completed a training and got its certificate, so other services can know who is trained
/// (e.g. which multisectoral team members are). A training of trainers also names the programme the person
/// may now deliver.
/// </summary>
/// <param name="TargetGroup">e.g. "police", "csr-professional", "teacher".</param>
/// <param name="CertifiedTrainerFor">For a training of trainers: the programme whose trainer pool the person joined.</param>
public sealed record TrainingCompleted(
    Guid ParticipantId,
    string FullName,
    string Email,
    string Institution,
    string TargetGroup,
    Guid SessionId,
    Guid ProgrammeId,
    string ProgrammeTitle,
    string ActivityCode,
    string CertificateNumber,
    Guid? CertifiedTrainerFor,
    DateTimeOffset CompletedAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
