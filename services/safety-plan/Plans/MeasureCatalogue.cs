using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>A protection measure a plan may contain, with its article and who usually carries it out.</summary>
/// <param name="RequiresConsent">Measures done with the victim need her consent (Art. 11); for a child or a
/// person with limited legal capacity they go ahead regardless (Art. 22(2)).</param>
public sealed record CatalogueMeasure(string Code, string Article, string Description, InstitutionKind DefaultResponsible, bool RequiresConsent);

/// <summary>The measures of Rulebook Art. 15 (risk management) and Art. 23-31 (measures of the centre).</summary>
public static class MeasureCatalogue
{
    public const string FreeMeasure = "other";

    public static readonly IReadOnlyList<CatalogueMeasure> All =
    [
        new("contact-within-12-hours", "Art. 15", "Contact the victim within the first 12 hours after the plan is adopted", InstitutionKind.Csr, true),
        new("regular-contact", "Art. 15, 21", "Regular contact with the victim, at least every 48 hours", InstitutionKind.Csr, true),
        new("emergency-phone-access", "Art. 15", "Phone access to a named professional in imminent danger", InstitutionKind.Police, true),
        new("medical-examination", "Art. 15", "Medical examination and records of injuries", InstitutionKind.Health, true),
        new("referral-sexual-violence-centre", "Art. 15", "Referral to a centre for victims of sexual violence", InstitutionKind.Health, true),
        new("notify-employer-official-firearm", "Art. 15", "Notice to the perpetrator's employer where he carries an official firearm", InstitutionKind.Police, false),
        new("notify-school", "Art. 15", "Notice to the child's school or kindergarten", InstitutionKind.School, false),
        new("inform-of-proceedings", "Art. 15", "Inform the victim of proceedings against the perpetrator", InstitutionKind.Police, true),
        new("enforce-emergency-measure", "Art. 19", "Carry out the emergency measure: removal from the home and ban on approaching it", InstitutionKind.Police, false),
        new("temporary-shelter", "Art. 23", "Temporary shelter when there is no safe place in the family", InstitutionKind.Csr, true),
        new("social-protection-rights", "Art. 24", "Social protection rights", InstitutionKind.Csr, true),
        new("health-care", "Art. 25", "Health care", InstitutionKind.Health, true),
        new("psychosocial-intervention", "Art. 26", "Psychosocial intervention and treatment", InstitutionKind.Csr, true),
        new("counselling", "Art. 27", "Psychosocial treatment in a counselling centre", InstitutionKind.Ngo, true),
        new("child-schooling", "Art. 28", "Help with the child's regular schooling, again on every move", InstitutionKind.School, true),
        new("legal-aid", "Art. 29", "Legal aid and representation", InstitutionKind.Ngo, true),
        new("economic-empowerment", "Art. 30", "Economic empowerment with the employment centre", InstitutionKind.Employment, true),
        new("temporary-custody-to-victim-parent", "Art. 31", "Temporary custody of the children to the victim parent within 12 hours, limiting the other parent's contact", InstitutionKind.Csr, false),
    ];

    public static bool TryGet(string code, out CatalogueMeasure measure)
    {
        measure = All.FirstOrDefault(m => m.Code == code)!;
        return measure is not null;
    }

    public static CatalogueMeasure Get(string code) => TryGet(code, out var m) ? m : throw new ArgumentException($"No measure {code}.", nameof(code));
}
