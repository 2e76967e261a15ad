namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// A returnee, a foreigner granted status, a released prisoner or a returned fighter's household was
/// registered, or a prison handed a prisoner over before release (seed 000 §4.3.4). The visit and needs
/// assessment are due within 72 hours of <see cref="ArrivalAt"/> (004 §1.1).
/// </summary>
/// <param name="Category">"repatriated", "foreigner-with-status", "former-prisoner", "returned-foreign-fighter" or "fighter-family-member".</param>
/// <param name="ArrivalKind">"return", "status-granted", "release" or "pre-release-handover".</param>
/// <param name="CsrCode">The centre for social work of the place of residence; always named for a handover, which it is told of.</param>
public sealed record ReintegrationCaseOpened(
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    string? CsrCode,
    string Category,
    string ArrivalKind,
    DateTimeOffset ArrivalAt,
    DateTimeOffset VisitDueAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
