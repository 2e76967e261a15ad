namespace Safeguard.Reintegration.Needs;

/// <summary>
/// The areas of the municipality's needs-assessment form (OPP, 004 §1.1, 2.2), matching the bodies a person
/// may be referred to (004 §2.3, objectives 3-5).
/// </summary>
public enum NeedArea
{
    CivilDocuments,
    EmploymentAndSkills,
    SocialAssistance,
    Health,
    MentalHealth,
    Housing,
    /// <summary>Children's schooling, level placement and language (004 objective 5).</summary>
    EducationAndLanguage,
    LegalAid,
    Other,
}

public enum NeedLevel
{
    None,
    Needed,
    Urgent,
}

public static class NeedAreas
{
    /// <summary>Every area the form asks about; "other" is optional.</summary>
    public static readonly IReadOnlyList<NeedArea> Required = Enum.GetValues<NeedArea>().Where(a => a != NeedArea.Other).ToArray();
}
