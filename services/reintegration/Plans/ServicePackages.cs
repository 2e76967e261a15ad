using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Needs;

namespace Safeguard.Reintegration.Plans;

/// <summary>The bodies a person is referred to (004 §2.3, 3.x, 4.x, 5; seed 002; 000 §4.2.3-4.2.4).</summary>
public enum InstitutionKind
{
    CivilRegistry,
    EmploymentOffice,
    VocationalTrainingCentre,
    Csr,
    EducationDirectorate,
    School,
    HealthCentre,
    MentalHealthCentre,
    /// <summary>The municipal directorate that handles rent and social housing (004 §4.3).</summary>
    HousingOffice,
    /// <summary>The municipal reintegration commission (OKR), which decides renovation and furnishing (004 §4.5).</summary>
    ReintegrationCommission,
    AgricultureDirectorate,
    FreeLegalAid,
    Probation,
    Ngo,
    Other,
}

/// <summary>A standard service package (004 §1.2): what it gives, for which needs, from which body.</summary>
/// <param name="ForCategories">Empty: every category.</param>
public sealed record ServicePackage(string Code, string Title, string TitleSr, string Source, IReadOnlyList<NeedArea> Areas,
    InstitutionKind Institution, IReadOnlyList<PersonCategory> ForCategories);

/// <summary>
/// The catalogue of standard service packages of the municipal reintegration plan (seed 004) and of
/// post-penal care (seed 002; seed 000 §4.2.3-4.2.4). A plan item or referral names one by its code.
/// </summary>
public static class ServicePackages
{
    public static readonly IReadOnlyList<ServicePackage> All =
    [
        new("civil-documents", "Civil documents from the civil registry", "Civilna dokumentacija (KCS)", "004 §2.3, 4.2", [NeedArea.CivilDocuments], InstitutionKind.CivilRegistry, []),
        new("jobseeker-registration", "Registration as a job-seeker", "Registracija kao tražilac posla", "004 §3.1", [NeedArea.EmploymentAndSkills], InstitutionKind.EmploymentOffice, []),
        new("career-counselling", "Profiling and career counselling", "Profilisanje i savetovanje za razvoj karijere", "004 §3.2", [NeedArea.EmploymentAndSkills], InstitutionKind.EmploymentOffice, []),
        new("job-mediation", "Job mediation", "Posredovanje pri zapošljavanju", "004 §3.3", [NeedArea.EmploymentAndSkills], InstitutionKind.EmploymentOffice, []),
        new("on-the-job-training", "On-the-job training with a wage subsidy", "Osposobljavanje za posao uz subvenciju plate", "004 §3.4", [NeedArea.EmploymentAndSkills], InstitutionKind.EmploymentOffice, []),
        new("self-employment-grant", "Self-employment: business-plan grant", "Samozapošljavanje kroz finansiranje biznis planova", "004 §3.5", [NeedArea.EmploymentAndSkills], InstitutionKind.EmploymentOffice, []),
        new("vocational-training", "Vocational training", "Stručno osposobljavanje", "004 §3.6", [NeedArea.EmploymentAndSkills], InstitutionKind.VocationalTrainingCentre, []),
        new("agriculture-grant", "Agriculture grant, materials and advice", "Poljoprivredni grantovi, sredstva i savetovanje", "004 §3.8", [NeedArea.EmploymentAndSkills], InstitutionKind.AgricultureDirectorate, []),
        new("social-assistance", "Social schemes and assistance", "Socijalne šeme i pomoć", "004 §4.1", [NeedArea.SocialAssistance], InstitutionKind.Csr, []),
        new("health-care", "Registration with health care", "Zdravstvena zaštita", "004 §2.3", [NeedArea.Health], InstitutionKind.HealthCentre, []),
        new("psychosocial-treatment", "Psychosocial treatment, with transport to it", "Psiho-socijalni tretman i prevoz do tretmana", "004 §4.4", [NeedArea.MentalHealth], InstitutionKind.MentalHealthCentre, []),
        new("rent-subsidy", "Rent paid for 12 months", "Zakup stana za 12 meseci", "004 §4.3", [NeedArea.Housing], InstitutionKind.HousingOffice, []),
        new("social-housing", "Application for social housing", "Prijava za socijalno stanovanje", "004 §4.3", [NeedArea.Housing], InstitutionKind.HousingOffice, []),
        new("house-renovation", "Renovation, reconstruction and furnishing (decided by the reintegration commission)", "Renoviranje, obnova i opremanje kuće (odluka OKR)", "004 §4.5", [NeedArea.Housing], InstitutionKind.ReintegrationCommission, []),
        new("school-enrolment", "School enrolment and level placement", "Upis u školu i raspoređivanje po nivou", "004 §2.3, objective 5", [NeedArea.EducationAndLanguage], InstitutionKind.EducationDirectorate, []),
        new("language-classes", "Language and supplementary classes", "Kursevi jezika i dopunska nastava", "004 objective 5", [NeedArea.EducationAndLanguage], InstitutionKind.School, []),
        new("school-documents-recognition", "Recognition of school documents from abroad", "Priznavanje školskih dokumenata", "004 objective 5", [NeedArea.EducationAndLanguage], InstitutionKind.EducationDirectorate, []),
        new("adult-literacy", "Literacy classes for adults", "Opismenjavanje odraslih", "004 objective 5", [NeedArea.EducationAndLanguage], InstitutionKind.EducationDirectorate, []),
        new("free-legal-aid", "Free legal aid", "Besplatna pravna pomoć", "004 §2.3, 4.2", [NeedArea.LegalAid, NeedArea.CivilDocuments], InstitutionKind.FreeLegalAid, []),
        new("post-release-assistance", "Post-penal assistance measures after release", "Мерки на помош по отпуштање (пост-пенална заштита)", "seed 002; 000 §4.2.4",
            [NeedArea.SocialAssistance, NeedArea.Other], InstitutionKind.Csr, [PersonCategory.FormerPrisoner, PersonCategory.ReturnedForeignFighter]),
        new("rehabilitation-programme", "Rehabilitation, resocialisation and reintegration programme (voluntary)", "Програма за рехабилитација, ресоцијализација и реинтеграција", "000 §4.2.3",
            [NeedArea.MentalHealth, NeedArea.SocialAssistance, NeedArea.Other], InstitutionKind.Csr, [PersonCategory.ReturnedForeignFighter, PersonCategory.FighterFamilyMember]),
    ];

    private static readonly Dictionary<string, ServicePackage> ByCode = All.ToDictionary(p => p.Code);

    public static ServicePackage? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var package) ? package : null;

    public static string Codes => string.Join(", ", All.Select(p => p.Code));

    /// <summary>Whether the package answers a need the assessment found (for the member, or the household).</summary>
    public static bool Serves(ServicePackage package, NeedsAssessment assessment, Guid? memberId) => package.Areas.Any(a => assessment.Found(a, memberId));

    public static bool OpenTo(ServicePackage package, PersonCategory category) => package.ForCategories.Count == 0 || package.ForCategories.Contains(category);
}
