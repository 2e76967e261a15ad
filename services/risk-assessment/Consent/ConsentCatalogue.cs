namespace Safeguard.RiskAssessment.Consent;

/// <summary>What the victim must be told before she decides (Rulebook Art. 6, 11; Annex 2 §1 and §2).</summary>
public static class ConsentCatalogue
{
    /// <summary>Annex 2 §1: the seven rights.</summary>
    public static readonly IReadOnlyList<string> Rights =
    [
        "companion",                        // 1. right to a companion
        "health-care",                      // 2. right to health care
        "legal-advice-and-representation",  // 3. legal advice and representation, and where to turn
        "social-protection",                // 4. rights from social protection
        "information-in-own-language",      // 5. information in a way and language she understands, sign language included
        "procedures-and-their-course",      // 6. the procedures to exercise the rights and their course
        "information-throughout",           // 7. being informed of everything during the procedures
    ];

    /// <summary>Annex 2 §2: the eight protection measures and services.</summary>
    public static readonly IReadOnlyList<string> Measures =
    [
        "shelter",                          // 1. accommodation in a centre for victims of domestic violence
        "health-care",                      // 2. appropriate health care
        "psychosocial-intervention",        // 3. psychosocial intervention and treatment
        "counselling",                      // 4. psychosocial treatment in a counselling centre
        "sexual-violence-centre",           // 5. referral to a centre for victims of sexual violence
        "child-schooling",                  // 6. help to the family with a child's regular schooling
        "legal-aid",                        // 7. legal aid and representation
        "economic-empowerment",             // 8. economic empowerment through the labour market
    ];
}
