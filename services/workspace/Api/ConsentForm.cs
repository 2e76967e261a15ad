namespace Safeguard.Workspace.Api;

/// <summary>
/// Annex 2 as the workspace lays it out: the codes risk-assessment takes, each with the English words of the form
/// (translated through the workspace's tables). Rulebook Art. 6, 11; Annex 2 §1 and §2.
/// </summary>
public static class ConsentForm
{
    /// <summary>Annex 2 §1: the seven rights she is informed of.</summary>
    public static readonly IReadOnlyList<(string Code, string Text)> Rights =
    [
        ("companion", "The right to a companion of her choice"),
        ("health-care", "The right to health care"),
        ("legal-advice-and-representation", "The right to legal advice and representation, and where to turn for it"),
        ("social-protection", "Rights from social protection"),
        ("information-in-own-language", "Information in a way and a language she understands, sign language included"),
        ("procedures-and-their-course", "The procedures to exercise her rights and their course"),
        ("information-throughout", "To be informed of everything throughout the procedures"),
    ];

    /// <summary>Annex 2 §2: the eight protection measures and services.</summary>
    public static readonly IReadOnlyList<(string Code, string Text)> Measures =
    [
        ("shelter", "Accommodation in a centre for victims of domestic violence"),
        ("health-care", "Appropriate health care"),
        ("psychosocial-intervention", "Psychosocial intervention and treatment"),
        ("counselling", "Psychosocial treatment in a counselling centre"),
        ("sexual-violence-centre", "Referral to a centre for victims of sexual violence"),
        ("child-schooling", "Help to the family with a child's regular schooling"),
        ("legal-aid", "Legal aid and representation"),
        ("economic-empowerment", "Economic empowerment through the labour market"),
    ];
}
