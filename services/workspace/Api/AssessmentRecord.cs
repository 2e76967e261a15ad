namespace Safeguard.Workspace.Api;

/// <summary>A recorded Annex 1 assessment: its answers, level and reasons (risk-assessment's assessment view).</summary>
public sealed record AssessmentRecord(Guid Id, int Sequence, string InstrumentVersion, DateTimeOffset AssessedAt, string AssessedBy, bool ChildrenInFamily,
    string Level, string ModelLevel, string Confidence, IReadOnlyList<string> RedFlags, IReadOnlyList<RiskReason> Reasons, string? JudgementReason,
    string? Place, string? ProfessionalNotes, IReadOnlyDictionary<string, AnswerRecord> Answers);

public sealed record AnswerRecord(string? Answer, string? Note, string? Text, IReadOnlyList<string>? Choices, IReadOnlyDictionary<string, string>? Details);
