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
    EmploymentServiceDone,
    CivilDocumentsDone,
    SocialAssistanceDone,
    PsychosocialDone,
    HousingDone,
    SchoolEnrolmentDone,
    LanguageClassesDone,
}

/// <summary>An indicator with its baseline and targets in percent; a null target is blank in the plan.</summary>
public sealed record Indicator(string Code, string Text, string TextEn, decimal? Baseline, decimal? Target2026, decimal? Target2028, Computation Computation)
{
    public Measure Measure => Computation == Computation.None ? Measure.Entered : Measure.Computed;
}

public sealed record Objective(int Number, string Title, string TitleEn, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The specific objectives 1-10 of the municipal plan for sustainable reintegration 2026-2028 (seed 004), with
/// their indicators, baselines and targets for 2026 and 2028 as the plan states them (in its own words, with
/// an English title). "M" indicators are measure-level ones (004 §1.1) the plan counts but sets no target for.
/// </summary>
public static class IndicatorCatalogue
{
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
            // The plan gives one row of targets for its seven employment indicators (profiled, employed, self-employed,
            // vocational training, agriculture grants...): computed here as employment needs met by a completed referral.
            new("3.1", "Repatrirana lica i stranci koji traže posao profilisani, savetovani, zaposleni, samozaposleni, u stručnom osposobljavanju ili korisnici poljoprivrednih grantova",
                "Job-seekers profiled, employed, self-employed, trained or given agriculture grants", 60, 70, 90, Computation.EmploymentServiceDone),
        ]),
        new(4, "Unapređenje sistema za reintegraciju i integraciju socijalne zaštite repatriranih lica i stranaca", "Social protection",
        [
            new("4.1", "Broj repatriranih lica i stranaca koji su dobili neophodnu dokumentaciju za ostvarivanje koristi od socijalnih usluga",
                "Persons who obtained the documents social services need", 40, 75, 90, Computation.CivilDocumentsDone),
            new("4.2", "Broj repatriranih lica i stranaca korisnika socijalne pomoći", "Persons receiving social assistance", 50, 70, 90, Computation.SocialAssistanceDone),
            new("4.3", "Broj repatriranih lica i stranaca u nevolji koji su dobili psiho-socijalni tretman",
                "Persons in distress given psychosocial treatment", null, 30, 50, Computation.PsychosocialDone),
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
            // The plan leaves this row's targets blank and prints an unlabelled row (80 / 85 / 97 %) after 5.6; not guessed here.
            new("5.5", "Broj repatriranih odraslih i stranih lica koja su naučila da pišu i čitaju", "Adults who learned to read and write", null, null, null, Computation.None),
            new("5.6", "Broj izveštaja o praćenju i proceni o uključivanju u nastavu", "Monitoring reports on inclusion in education", 50, 60, 70, Computation.None),
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
            // The plan prints six target rows for five indicators; the first five are taken in order, the last (— / 30 / 40 %) is left out.
            new("8.1", "Povećanje nivoa koristi od donatora koji podržavaju reintegraciju na lokalnom nivou", "Donor support at local level", 40, 60, 80, Computation.None),
            new("8.2", "Broj nacrta predloga izrađenih i finansiranih od strane stranih donatora", "Proposals drafted and funded by donors", null, 30, 50, Computation.None),
            new("8.3", "Povećava se broj realizovanih projekata", "Projects carried out", null, 30, 50, Computation.None),
            new("8.4", "Uspostavljanje adekvatnog mehanizma za koordinaciju tehničke pomoći i donacija na osnovu prioriteta strategije",
                "A mechanism coordinating technical assistance and donations", 30, null, null, Computation.None),
            new("8.5", "Stalno se prate projekti i inicijative koje podržavaju oblast reintegracije", "Projects and initiatives monitored", null, 50, 70, Computation.None),
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
            // One row of targets for the objective's three staff-training indicators.
            new("10.1", "Broj osoblja obučenog u oblasti upravljanja, praćenja i procene standardnih paketa, upravljanja kvalitetom usluga i upravljanja rizicima",
                "Staff trained to manage and monitor standard packages, quality and risk", 30, 40, 60, Computation.None),
        ]),
    ];

    private static readonly Dictionary<string, (Objective Objective, Indicator Indicator)> ByCode =
        Objectives.SelectMany(o => o.Indicators.Select(i => (o, i))).ToDictionary(x => x.i.Code, x => x);

    public static Indicator? Find(string code) => ByCode.TryGetValue(code, out var found) ? found.Indicator : null;
}
