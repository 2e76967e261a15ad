using Safeguard.BuildingBlocks.Domain;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;

namespace Safeguard.RiskAssessment.UnitTests;

/// <summary>Annex 2 §3 and Art. 11, 22: her consent to the team is its own, and her latest signature decides.</summary>
public sealed class ConsentTests
{
    private static readonly DateTimeOffset Signed = CaseFactory.LearnedAt.AddHours(2);

    private static ConsentRecord Form(Case c, bool toTeam, DateTimeOffset signedAt, DateTimeOffset? recordedAt = null) =>
        ConsentRecord.Given(c.Id, signedAt, "Case worker", [.. ConsentCatalogue.Rights], [.. ConsentCatalogue.Measures], ["shelter"], toTeam,
            recordedAt ?? signedAt.AddMinutes(5));

    [Fact]
    public void Not_yet_asked_is_kept_apart_from_refused()
    {
        var c = CaseFactory.Open();

        Assert.Equal(TeamConsent.NotAsked, ConsentStatus.ForTeam(c, null));
        Assert.Equal(TeamConsent.Refused, ConsentStatus.ForTeam(c, Form(c, toTeam: false, Signed)));
        Assert.Equal(TeamConsent.Given, ConsentStatus.ForTeam(c, Form(c, toTeam: true, Signed)));
    }

    [Fact]
    public void Consenting_to_measures_is_not_consenting_to_the_team()
    {
        var c = CaseFactory.Open();

        var summary = ConsentStatus.Summarize(c, Form(c, toTeam: false, Signed));

        Assert.Equal("given", summary.Status);
        Assert.Equal(["shelter"], summary.ConsentedMeasures);
        Assert.Equal(TeamConsent.Refused, summary.Team);
        Assert.False(TeamConsent.AllowsConvening(summary.Team));
    }

    [Theory]
    [InlineData(VictimCategory.Child)]
    [InlineData(VictimCategory.LimitedLegalCapacity)]
    public void A_child_or_a_person_with_limited_capacity_needs_no_consent_to_the_team(VictimCategory category)
    {
        // Art. 22(2).
        var c = CaseFactory.Open(category);

        var summary = ConsentStatus.Summarize(c, Form(c, toTeam: false, Signed));

        Assert.Equal(TeamConsent.NotRequired, summary.Team);
        Assert.Empty(summary.PendingTasks);
    }

    [Fact]
    public void The_form_signed_last_decides_whatever_order_they_were_recorded_in()
    {
        var c = CaseFactory.Open();
        var refusal = Form(c, toTeam: false, Signed.AddHours(3), recordedAt: Signed.AddHours(3));
        var olderFormTypedInLater = Form(c, toTeam: true, Signed, recordedAt: Signed.AddHours(5));

        Assert.Same(refusal, ConsentStatus.Latest([olderFormTypedInLater, refusal]));
        Assert.Same(refusal, ConsentStatus.Latest([refusal, olderFormTypedInLater]));
    }

    [Fact]
    public void A_refusal_of_the_team_leaves_a_task_until_her_reasons_are_assessed_and_support_offered()
    {
        // Art. 22(1).
        var c = CaseFactory.Open();
        var refusal = Form(c, toTeam: false, Signed);

        var task = Assert.Single(ConsentStatus.PendingTasks(c, refusal));
        Assert.Equal(ConsentStatus.AssessRefusalTask, task.Kind);
        Assert.Equal(refusal.Id, task.ConsentId);
        Assert.Contains("Art. 22", task.Rule);

        Assert.Null(refusal.RecordFollowUp("Case worker", "She fears the perpetrator learns of the team.", supportOffered: true, Signed.AddHours(1)));
        Assert.Empty(ConsentStatus.PendingTasks(c, refusal));
    }

    [Fact]
    public void A_follow_up_offers_support_and_is_recorded_once_on_a_refusal_only()
    {
        var c = CaseFactory.Open();
        var refusal = Form(c, toTeam: false, Signed);

        Assert.Equal("psychosocialSupportOffered", refusal.RecordFollowUp("Case worker", "Reasons heard.", supportOffered: false, Signed)?.Field);
        Assert.Null(refusal.RecordFollowUp("Case worker", "Reasons heard.", supportOffered: true, Signed));
        Assert.Equal(RuleKind.Conflict, refusal.RecordFollowUp("Case worker", "Again.", supportOffered: true, Signed)?.Kind);
        Assert.Equal(RuleKind.Conflict, Form(c, toTeam: true, Signed).RecordFollowUp("Case worker", "Reasons.", true, Signed)?.Kind);
    }

    [Fact]
    public void Only_a_consent_in_force_is_withdrawn_and_after_it_was_signed()
    {
        var c = CaseFactory.Open();
        var given = Form(c, toTeam: true, Signed);

        Assert.Equal("consent", ConsentRecord.Withdraw(null, c.Id, Signed, "Case worker", "She changed her mind.", true, Signed).Broken?.Field);
        Assert.Equal("withdrawnAt", ConsentRecord.Withdraw(given, c.Id, Signed.AddHours(-1), "Case worker", "She changed her mind.", true, Signed).Broken?.Field);

        var (withdrawal, broken) = ConsentRecord.Withdraw(given, c.Id, Signed.AddHours(1), "Case worker", "She changed her mind.", true, Signed.AddHours(1));
        Assert.Null(broken);
        Assert.Equal(TeamConsent.Withdrawn, ConsentStatus.ForTeam(c, withdrawal));
        Assert.Equal(RuleKind.Conflict, ConsentRecord.Withdraw(withdrawal, c.Id, Signed.AddHours(2), "Case worker", "Again.", true, Signed).Broken?.Kind);
    }
}

/// <summary>Annex 2's own columns: a note per right, a date and note per measure, no rows it does not have.</summary>
public sealed class ConsentFormDetailsTests
{
    private static readonly DateTimeOffset Signed = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Notes_and_dates_belong_to_the_forms_own_rows()
    {
        var details = new ConsentFormDetails("Skopje",
            new Dictionary<string, string> { ["companion"] = "Her sister.", ["right-to-silence"] = "Not on the form." },
            new Dictionary<string, MeasureRow> { ["shelter"] = new(new DateOnly(2026, 12, 1), null), ["a-car"] = new(null, "Not on the form.") });

        var errors = details.Check(Signed);

        Assert.Equal(["measureRows.a-car", "rightNotes.right-to-silence"], errors.Keys.Order());
    }

    [Fact]
    public void A_row_is_signed_no_later_than_the_form()
    {
        var details = new ConsentFormDetails(null, new Dictionary<string, string>(),
            new Dictionary<string, MeasureRow> { ["shelter"] = new(new DateOnly(2026, 12, 5), null) });

        Assert.Equal(["measureRows.shelter.date"], details.Check(Signed).Keys);
        Assert.Empty(ConsentFormDetails.None.Check(Signed));
    }
}
