using System.Text.Json;
using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.UnitTests;

/// <summary>
/// Issue 23, Annex 3 in the workspace: nothing beyond questions 1 and 2 is sent until she is informed and consents to
/// the use of her data, unless the law protects her without consent (Art. 22(2)); what is sent is what was given.
/// </summary>
public sealed class IndividualPlanDraftTests
{
    private static readonly CaseDetail Case = new(Guid.NewGuid(), "SK-2026-00001", "SK", "police", default, default, default, false, "assessed", "high", 1, null,
        new("Ana Petrova", "adult"), [], new("Petar Petrov", "husband"), new("given", true, null, "given", null), null);

    private static IndividualPlanDraft Filled()
    {
        var draft = IndividualPlanDraft.From(null, Case);
        draft.RecordedBy = "Case Worker";
        draft.Content.Fears = "That he comes back at night";
        draft.Content.Violence["threats-to-kill"].Present = true;
        draft.Content.Violence["verbal-insults"].Note = "  daily  ";
        draft.Measures.Add(new() { Name = "Shelter", StartDate = "2026-12-03", DurationDays = 30, ResponsiblePerson = "Case Worker" });
        draft.Measures.Add(new() { Name = "  " });
        return draft;
    }

    private static JsonElement Sent(IndividualPlanDraft draft, bool withoutConsent) =>
        JsonSerializer.SerializeToElement(draft.ToRequest(withoutConsent), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Without_her_information_and_consent_only_the_first_two_answers_are_sent()
    {
        var draft = Filled();
        draft.Informed = true;

        var sent = Sent(draft, withoutConsent: false);

        Assert.True(sent.GetProperty("informed").GetBoolean());
        Assert.False(sent.GetProperty("consentToDataUse").GetBoolean());
        foreach (var content in new[] { "fears", "victim", "violenceTable", "perpetrator", "measures" })
        {
            Assert.Equal(JsonValueKind.Null, sent.GetProperty(content).ValueKind);
        }
    }

    [Fact]
    public void A_child_is_protected_without_consent_and_her_plan_is_sent_whole()
    {
        var sent = Sent(Filled(), withoutConsent: true);

        Assert.Equal("That he comes back at night", sent.GetProperty("fears").GetString());
        Assert.Equal("Ana Petrova", sent.GetProperty("victim").GetProperty("fullName").GetString());
    }

    [Fact]
    public void Only_rows_and_measures_given_are_sent_with_their_dates()
    {
        var draft = Filled();
        (draft.Informed, draft.ConsentToDataUse, draft.AdoptedOn, draft.ReviewEveryDays) = (true, true, "2026-12-03", 14);

        var sent = Sent(draft, withoutConsent: false);

        var rows = sent.GetProperty("violenceTable");
        Assert.Equal(["threats-to-kill", "verbal-insults"], rows.EnumerateObject().Select(r => r.Name).Order());
        Assert.Equal("daily", rows.GetProperty("verbal-insults").GetProperty("note").GetString());
        var measure = Assert.Single(sent.GetProperty("measures").EnumerateArray());
        Assert.Equal("2026-12-03", measure.GetProperty("startDate").GetString());
        Assert.Equal("2026-12-03", sent.GetProperty("adoptedOn").GetString());
        Assert.Equal(14, sent.GetProperty("reviewEveryDays").GetInt32());
    }

    [Fact]
    public void A_saved_plan_comes_back_into_the_form_as_it_was_recorded()
    {
        var record = new IndividualPlanRecord(Guid.NewGuid(), Case.Id, Case.Reference, true, true, "consent",
            new("Fear", null, "Him", new VictimPart { FullName = "Ana Petrova", Phone = "070 000 000" },
                new() { ["sexual"] = new(true, "2025") }, new PerpetratorPart { FullName = "Petar Petrov", FirearmLicenceOrFirearm = true },
                null, "High", [new("Shelter", "daily", new DateOnly(2026, 12, 3), 30, "Case Worker")], null),
            new DateOnly(2026, 12, 3), 14, "Case Worker", default);

        var draft = IndividualPlanDraft.From(record, Case);

        Assert.Equal("070 000 000", draft.Content.Victim.Phone);
        Assert.True(draft.Content.Violence["sexual"].Present);
        Assert.False(draft.Content.Violence["current"].Present);
        Assert.Equal("2026-12-03", Assert.Single(draft.Measures).StartDate);
        Assert.Equal(14, draft.ReviewEveryDays);
        Assert.True(draft.Content.Perpetrator.FirearmLicenceOrFirearm);
    }
}
