namespace Safeguard.Contracts.Training;

/// <summary>A professional to invite: a training participant's or trainer's work contact.</summary>
/// <param name="Role">"participant" or "trainer".</param>
/// <param name="Language">mk, sq, sr or en.</param>
public sealed record Invitee(Guid ParticipantId, string FullName, string Email, string Language, string Role);

/// <summary>
/// A training session was scheduled, changed, or someone was enrolled in it: notification invites the people
/// named (issue 8 §5). Only professionals' work contacts; never anyone from a case.
/// </summary>
/// <param name="Reason">"scheduled", "changed", "enrolled" or "cancelled".</param>
/// <param name="ActivityCode">The action-plan activity the session counts for, e.g. "1.1.6".</param>
public sealed record SessionInvitation(
    Guid SessionId,
    string ProgrammeTitle,
    string ActivityCode,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Place,
    string Reason,
    IReadOnlyList<Invitee> Invitees,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
