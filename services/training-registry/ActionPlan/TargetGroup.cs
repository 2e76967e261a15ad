namespace Safeguard.TrainingRegistry.ActionPlan;

/// <summary>The groups the action plan trains (seed 000 "Фокус група" column; seed 002 modules).</summary>
public enum TargetGroup
{
    Police,
    PoliceCandidate,
    SecurityServices,
    Teacher,
    CsrProfessional,
    SocialProtectionProfessional,
    SocialServiceProvider,
    ProbationOfficer,
    PrisonStaff,
    PrivateSecurity,
    MunicipalStaff,
    Journalist,
    NationalCommitteeStaff,
    LocalMultidisciplinaryTeam,
    Other,
}

/// <summary>What an activity indicator counts, when the registry can count it.</summary>
public enum IndicatorMeasure
{
    /// <summary>Sessions held.</summary>
    TrainingsHeld,

    /// <summary>Distinct people who completed a session.</summary>
    PeopleTrained,

    /// <summary>People certified as trainers by a training of trainers.</summary>
    TrainersCertified,
}
