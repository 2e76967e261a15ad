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

    /// <summary>1.3.2: members of the community action teams (АТЗ).</summary>
    CommunityActionTeamMember,

    /// <summary>1.1.11, 1.1.12: representatives of the institutions.</summary>
    InstitutionRepresentative,

    /// <summary>1.1.11: the community.</summary>
    Community,

    /// <summary>1.1.12: the scientific and professional public.</summary>
    AcademicAndProfessionalPublic,

    /// <summary>4.2.2: the children in the juvenile correctional institution, whom the trained staff treat.</summary>
    ChildInCorrectionalInstitution,

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
