using System.Text.Json;
using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.UnitTests;

/// <summary>
/// Issue 23, the centre adds a measure on the plan page: choosing a measure names the member of the institution that
/// usually carries it out until she names someone else, and what is sent is what she typed, dates and days as such.
/// </summary>
public sealed class MeasureDraftTests
{
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Centre = Guid.NewGuid();

    private static readonly IReadOnlyList<CatalogueMeasure> Catalogue =
    [
        new("enforce-emergency-measure", "Art. 19", "Carry out the emergency measure", "police", false),
        new("legal-aid", "Art. 29", "Legal aid and representation", "ngo", true),
    ];

    private static readonly TeamRecord Team = new(Guid.NewGuid(), "SK", "Team SK",
    [
        new("csr", "Centre SK", Centre, Person("Case Worker"), null, null, default),
        new("police", "Police SK", Police, Person("Officer"), Guid.NewGuid(), Person("Deputy Officer"), default),
    ]);

    private static TeamRecord.Contact Person(string name) => new(name, "x@example.org", null, null, null, null, "mk");

    [Fact]
    public void A_measure_names_the_member_of_its_usual_institution_until_she_chooses_someone()
    {
        var draft = new MeasureDraft();
        draft.Choose("enforce-emergency-measure", Catalogue, Team);
        Assert.Equal(Police.ToString(), draft.MembershipId);

        draft.MembershipId = Centre.ToString();
        draft.Choose("enforce-emergency-measure", Catalogue, Team);
        Assert.Equal(Centre.ToString(), draft.MembershipId);
    }

    [Fact]
    public void A_measure_whose_institution_has_no_seat_or_of_the_teams_own_names_nobody()
    {
        var draft = new MeasureDraft();
        draft.Choose("legal-aid", Catalogue, Team);
        Assert.Null(draft.MembershipId);
        draft.Choose(CatalogueMeasure.Other, Catalogue, Team);
        Assert.Equal(CatalogueMeasure.Other, draft.Code);
        Assert.Null(draft.MembershipId);
        draft.Choose("", Catalogue, Team);
        Assert.Null(draft.Code);
    }

    [Fact]
    public void What_is_sent_is_what_she_typed_with_dates_and_days_as_such()
    {
        var draft = new MeasureDraft
        {
            Code = "other", Description = "  Patrol past her sister's house  ", Frequency = " ", StartDate = "2026-12-03", DurationDays = "30",
            ReassessOn = "not a date", MembershipId = Police.ToString(),
        };
        var sent = JsonSerializer.SerializeToElement(draft.ToRequest(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal("Patrol past her sister's house", sent.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("frequency").ValueKind);
        Assert.Equal("2026-12-03", sent.GetProperty("startDate").GetString());
        Assert.Equal(30, sent.GetProperty("durationDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("reassessOn").ValueKind);
        Assert.Equal(Police, sent.GetProperty("membershipId").GetGuid());
        Assert.Empty(draft.Unreadable("number"));
    }

    [Fact]
    public void Days_that_are_not_a_whole_number_are_named_before_anything_is_sent()
    {
        var draft = new MeasureDraft { Code = "legal-aid", DurationDays = "2.5" };
        Assert.Equal(["durationDays"], draft.Unreadable("Write a whole number of days.").Keys);
    }
}
