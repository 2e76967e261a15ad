namespace Safeguard.Reintegration.Indicators;

/// <summary>How an indicator's actual value is known.</summary>
public enum Measure
{
    /// <summary>Computed from this service's records.</summary>
    Computed,

    /// <summary>Entered by the municipality from its own reports (meetings held, staff trained...).</summary>
    Entered,
}

/// <summary>The computations the service can make from its records (see <see cref="IndicatorCalculator"/>).</summary>
public enum Computation
{
    None,
    ShareWithPlan,
    MonitoringOnTime,
    ClosedSustainable,
    VisitWithin72Hours,
    ShareReferred,
    EmploymentProfiled,
    Employed,
    SelfEmployment,
    VocationalTraining,
    AgricultureGrant,
    CivilDocumentsDone,
    SocialAssistanceDone,
    PsychosocialDone,
    HousingDone,
    SchoolEnrolmentDone,
    LanguageClassesDone,
}

/// <summary>An indicator with its baseline and targets in percent; a null is blank (or a bare "%") in the plan.</summary>
/// <param name="Reading">How its row was read from the plan's table where the extracted text is not one row per indicator.</param>
/// <param name="ToConfirm">What stays uncertain in that reading, for the municipality to confirm; null when nothing does.</param>
public sealed record Indicator(string Code, string Text, string TextEn, decimal? Baseline, decimal? Target2026, decimal? Target2028, Computation Computation,
    string? Reading = null, string? ToConfirm = null)
{
    /// <summary>The plan sets targets for 2026 and 2028 only: a year up to 2026 is measured against 2026's, a later one against 2028's.</summary>
    public const int FirstTargetYear = 2026, LastTargetYear = 2028;

    public Measure Measure => Computation == Computation.None ? Measure.Entered : Measure.Computed;

    public (int Year, decimal? Target) TargetFor(int year) => year <= FirstTargetYear ? (FirstTargetYear, Target2026) : (LastTargetYear, Target2028);
}

public sealed record Objective(int Number, string Title, string TitleEn, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The specific objectives 1-10 of the municipal plan for sustainable reintegration 2026-2028 (seed 004), with
/// their indicators, baselines and targets for 2026 and 2028 as the plan states them (in its own words, with
/// an English title). "M" indicators are measure-level ones (004 §1.1) the plan counts but sets no target for.
/// </summary>
public static class IndicatorCatalogue
{
    private const string OneRowForObjective3 =
        "The plan prints one row (60 % / 70 % / 90 %) in the cell that lists the objective's seven indicators: read as each one's.";

    private const string SixRowsForObjective8 =
        "The plan prints six rows for the objective's five indicators; the first five are read in order, one per indicator.";

    private const string OneRowFor10Point2And3 =
        "The plan prints one row (30 % / 40 % / 60 %) in the cell that lists 10.2 and 10.3: read as each one's.";

    private const string BareBaseline = "Its baseline is printed as a bare \"%\" with no figure.";

    public static readonly IReadOnlyList<Objective> Objectives =
    [
        new(1, "Unapređenje sistema reintegracije repatriiranih lica, primenom pristupa orijentisanog na specifične potrebe",
            "A needs-based reintegration system",
        [
            new("1.1", "Potrebe ranjivih grupa se identifikuju, a usluge se pružaju na osnovu individualnog plana reintegracije i integracije",
                "Needs identified and services given on an individual plan", 40, 60, 80, Computation.ShareWithPlan),
            new("1.2", "Usluge za reintegraciju i integraciju se sistematski prate i preduzimaju se potrebne mere poboljšanja",
                "Services monitored systematically", 50, 70, 80, Computation.MonitoringOnTime),
            new("1.3", "Održiva društvena-ekonomska reintegracija i integracija ugroženih grupa je postignuta",
                "Sustainable socio-economic reintegration achieved", 30, 50, 70, Computation.ClosedSustainable),
            new("M1.1", "Posete povratničkim porodicama u roku od 72 sata nakon povratka ili dobijanja statusa (mera 1.1)",
                "Families visited within 72 hours of return or status (measure 1.1)", null, null, null, Computation.VisitWithin72Hours),
        ]),
        new(2, "Unapređenje sistema upućivanja slučajeva u adekvatne šeme za reintegraciju repatriranih lica i integraciju stranaca",
            "Referral of cases to the right schemes",
        [
            new("2.1", "Sistem upućivanja i koordinacije između opštinskih aktera je uspostavljen i funkcionalan",
                "Referral and coordination system in place", 40, 70, 90, Computation.None),
            new("2.2", "Broj slučajeva upućenih odgovarajućim opštinskim organima, na osnovu njihovog profila je povećan",
                "Cases referred to the right bodies on their profile", 40, 75, 90, Computation.ShareReferred),
            new("2.3", "Broj opštinskih direkcija povezanih sa SUS je povećan",
                "Municipal directorates connected to the case-management system", 30, 60, 80, Computation.None),
        ]),
        new(3, "Unapređenje mera održive ekonomske reintegracije i integracije", "Economic reintegration",
        [
            new("3.1", "Broj repatriranih lica ili stranaca koji traže posao, profilisani i savetovani za razvoj karijere",
                "Job-seekers profiled and counselled for career development", 60, 70, 90, Computation.EmploymentProfiled, OneRowForObjective3),
            new("3.2", "Broj zaposlenih repatriranih lica/stranaca", "Persons employed", 60, 70, 90, Computation.Employed, OneRowForObjective3),
            new("3.3", "Broj korisnika usluga samozapošljavanja i savetovanja", "Users of self-employment services and counselling", 60, 70, 90,
                Computation.SelfEmployment, OneRowForObjective3),
            new("3.4", "Broj korisnika iz šeme za stručno osposobljavanje", "Users of the vocational training scheme", 60, 70, 90,
                Computation.VocationalTraining, OneRowForObjective3),
            new("3.5", "Broj repatriranih lica/stranaca korisnika poljoprivrednih grantova i savetovanja u oblasti poljoprivrede",
                "Agriculture grants and advice", 60, 70, 90, Computation.AgricultureGrant, OneRowForObjective3),
            // The agriculture package bundles grants, materials and advice, so the records cannot tell 3.6 from 3.5: entered.
            new("3.6", "Broj repatriranih lica/stranaca podržanih materijalom i poljoprivrednim sredstvima od opštine",
                "Persons supported with materials and agricultural means by the municipality", 60, 70, 90, Computation.None, OneRowForObjective3),
            new("3.7", "Proširivanje oblasti stručnog osposobljavanja u skladu sa potrebama tržišta", "Vocational training widened to the market's needs",
                60, 70, 90, Computation.None, OneRowForObjective3),
        ]),
        new(4, "Unapređenje sistema za reintegraciju i integraciju socijalne zaštite repatriranih lica i stranaca", "Social protection",
        [
            new("4.1", "Broj repatriranih lica i stranaca koji su dobili neophodnu dokumentaciju za ostvarivanje koristi od socijalnih usluga",
                "Persons who obtained the documents social services need", 40, 75, 90, Computation.CivilDocumentsDone),
            new("4.2", "Broj repatriranih lica i stranaca korisnika socijalne pomoći", "Persons receiving social assistance", 50, 70, 90, Computation.SocialAssistanceDone),
            new("4.3", "Broj repatriranih lica i stranaca u nevolji koji su dobili psiho-socijalni tretman",
                "Persons in distress given psychosocial treatment", null, 30, 50, Computation.PsychosocialDone, BareBaseline),
            new("4.4", "Broj repatriranih lica i stranaca uključenih u kulturne, socijalne, rekreativne i inovativne aktivnosti",
                "Persons included in cultural, social and recreational activities", 10, 30, 60, Computation.None),
            new("4.5", "Broj repatriranih lica i stranaca kojima su opštine obezbedile održivo stanovanje (nakon perioda od 12 meseci)",
                "Persons given sustainable housing after 12 months", 10, 30, 50, Computation.None),
            new("4.6", "Broj repatriranih lica i stranaca koji su dobili pomoć u obezbeđivanju uslova za stanovanje",
                "Persons helped with housing", 30, 50, 60, Computation.HousingDone),
        ]),
        new(5, "Uključivanje repatrirane dece i dece stranaca u vaspitno-obrazovni sistem", "Children in education",
        [
            new("5.1", "Broj repatriranih i stranih učenika uključenih u odgovarajući nivo školovanja",
                "Pupils enrolled at the right school level", 90, 100, 100, Computation.SchoolEnrolmentDone),
            new("5.2", "Broj učenika koji su pohađali kurseve jezika i dopunsku nastavu",
                "Pupils who attended language and supplementary classes", 50, 60, 85, Computation.LanguageClassesDone),
            new("5.3", "Broj slučajeva reagovanja timova za sprečavanje i reagovanje protiv napuštanja",
                "Cases handled by drop-out prevention teams", 50, 75, 80, Computation.None),
            new("5.4", "Broj revidiranih nastavnih programa raspodeljenih u školama", "Revised curricula given to schools", 10, 50, 80, Computation.None),
            new("5.5", "Broj repatriranih odraslih i stranih lica koja su naučila da pišu i čitaju", "Adults who learned to read and write", null, null, null,
                Computation.None, "Its row is blank in the plan.",
                "After 5.6's row the plan prints a row with no indicator: 80 % / 85 % / 97 %. It may be 5.5's, displaced by the blank line before 5.6; it is not assigned until the municipality confirms."),
            new("5.6", "Broj izveštaja o praćenju i proceni o uključivanju u nastavu", "Monitoring reports on inclusion in education", 50, 60, 70, Computation.None,
                "Printed on 5.6's own line, after a blank line."),
        ]),
        new(6, "Socijalna integracija i informisanje repatriranih lica i stranaca, kao i zajednice prihvatanja", "Social integration and information",
        [
            new("6.1", "Broj sastanaka organizovanih grupa sa repatriranim licima u opštinama za razmenu iskustava i uspostavljanje mreža u zajednici",
                "Meetings with returnees to share experience", 5, 30, 60, Computation.None),
            new("6.2", "Broj aktivnosti za promovisanje procesa reintegracije", "Activities promoting reintegration", 5, 40, 70, Computation.None),
        ]),
        new(7, "Koordinacija između lokalnih aktera uključenih u proces reintegracije repatriranih lica i integracije stranaca", "Local coordination",
        [
            new("7.1", "Uspostavljena je praksa horizontalne interakcije na lokalnom nivou i ona je efikasna", "Horizontal interaction at local level", 40, 60, 80, Computation.None),
            new("7.2", "Unapređena je saradnja između OKZP-a i CSR-a", "Cooperation between the municipal office and the CSR", 30, 50, 80, Computation.None),
            new("7.3", "Interakcija između centralnih i lokalnih aktera uključenih u reintegraciju i integraciju je unapređena",
                "Interaction between central and local actors", 50, 70, 80, Computation.None),
            new("7.4", "Unapređena je saradnja i koordinacija sa civilnim društvom, međunarodnim projektima i organizacijama",
                "Cooperation with civil society and international projects", 40, 60, 70, Computation.None),
        ]),
        new(8, "Koordinacija finansijske i tehničke pomoći na opštinskom nivou za reintegraciju repatriranih lica i integraciju stranaca",
            "Financial and technical assistance",
        [
            new("8.1", "Povećanje nivoa koristi od donatora koji podržavaju reintegraciju na lokalnom nivou", "Donor support at local level", 40, 60, 80, Computation.None,
                SixRowsForObjective8),
            new("8.2", "Broj nacrta predloga izrađenih i finansiranih od strane stranih donatora", "Proposals drafted and funded by donors", null, 30, 50, Computation.None,
                SixRowsForObjective8 + " " + BareBaseline),
            new("8.3", "Povećava se broj realizovanih projekata", "Projects carried out", null, 30, 50, Computation.None, SixRowsForObjective8 + " " + BareBaseline),
            new("8.4", "Uspostavljanje adekvatnog mehanizma za koordinaciju tehničke pomoći i donacija na osnovu prioriteta strategije",
                "A mechanism coordinating technical assistance and donations", 30, null, null, Computation.None,
                SixRowsForObjective8 + " Its row gives a baseline only.",
                "The sixth row has no indicator and no baseline: — / 30 % / 40 %. It may hold 8.4's targets, whose row gives the baseline alone; it is not assigned until the municipality confirms."),
            new("8.5", "Stalno se prate projekti i inicijative koje podržavaju oblast reintegracije", "Projects and initiatives monitored", null, 50, 70, Computation.None,
                SixRowsForObjective8 + " " + BareBaseline),
        ]),
        new(9, "Izgradnja kapaciteta institucija i razmena iskustava i dobrih praksi procesa reintegracije", "Capacity building",
        [
            new("9.1", "Ojačani su kapaciteti osoblja angažovanog na implementaciji pristupa zasnovanog na potrebama i tretmanu ugroženih grupa",
                "Staff capacity for the needs-based approach", 40, 60, 80, Computation.None),
            new("9.2", "Broj osoblja za reintegraciju i integraciju obučenog da identifikuje, izradi, prati i proceni projekte",
                "Staff trained in project cycle management", 40, 60, 70, Computation.None),
            new("9.3", "Broj relevantnog osoblja obučenog za upravljanje kvalitetom usluga", "Staff trained in service quality", 30, 50, 70, Computation.None),
            new("9.4", "Broj aktivnosti sprovedenih na lokalnom nivou za distribuciju dobrih opštinskih praksi",
                "Activities spreading good municipal practice", 20, 50, 70, Computation.None),
        ]),
        new(10, "Sistematsko praćenje pristupa orijentisanog na potrebe za svaku kategoriju repatriranih lica i stranaca, na osnovu individualnog plana",
            "Systematic monitoring of the individual plans",
        [
            new("10.1", "Broj osoblja obučenog u oblasti upravljanja, praćenja i procene standardnih paketa reintegracije i integracije",
                "Staff trained to manage, monitor and assess the standard packages", null, null, null, Computation.None, "Its own cell's row is blank.",
                "The objective's only row (30 % / 40 % / 60 %) is printed in the next cell, beside 10.2 and 10.3; it may be meant for the whole objective, 10.1 included. It is not assigned until the municipality confirms."),
            new("10.2", "Broj relevantnog osoblja obučenog za upravljanje kvalitetom usluga", "Staff trained in service quality", 30, 40, 60, Computation.None,
                OneRowFor10Point2And3),
            new("10.3", "Broj relevantnog osoblja obučenog za identifikaciju i upravljanje rizicima", "Staff trained to identify and manage risks", 30, 40, 60,
                Computation.None, OneRowFor10Point2And3),
        ]),
    ];

    private static readonly Dictionary<string, (Objective Objective, Indicator Indicator)> ByCode =
        Objectives.SelectMany(o => o.Indicators.Select(i => (o, i))).ToDictionary(x => x.i.Code, x => x);

    public static Indicator? Find(string code) => ByCode.TryGetValue(code, out var found) ? found.Indicator : null;
}
