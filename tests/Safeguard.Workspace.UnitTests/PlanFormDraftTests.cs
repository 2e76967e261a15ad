using System.Text.Json;
using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.UnitTests;

/// <summary>
/// Issue 23, the Annex 5 form in the workspace: the rest of the form is asked "if YES to the previous two questions"
/// (Annex 5), or at once for a child (Art. 22(2)); nothing typed beyond questions 1 and 2 is sent without that.
/// </summary>
public sealed class PlanFormDraftTests
{
    private static readonly PlanFormRecord.FormData Prefilled = new(false, true, "That he finds her", null, "His brother",
        new VictimPart { FullName = "Ana Petrova" }, new() { ["threats-to-kill"] = new(true, "twice") }, new PerpetratorPart { FirearmLicenceOrFirearm = true },
        null, "Risk level high at the latest assessment; red flags: threat-to-kill.");

    private static JsonElement Sent(PlanFormDraft draft, bool withoutConsent) =>
        JsonSerializer.SerializeToElement(draft.ToRequest(withoutConsent), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void A_draft_takes_the_prefilled_form_whole()
    {
        var draft = PlanFormDraft.From(Prefilled, null);
        Assert.False(draft.Informed);
        Assert.True(draft.ConsentToTeamAndDataExchange);
        Assert.Equal("His brother", draft.Content.UnsafeToTalkTo);
        Assert.Equal("Ana Petrova", draft.Content.Victim.FullName);
        Assert.True(draft.Content.Violence["threats-to-kill"].Present);
        Assert.True(draft.Content.Perpetrator.FirearmLicenceOrFirearm);
        Assert.StartsWith("Risk level high", draft.Content.RiskOfRepetition);
    }

    [Fact]
    public void Names_the_form_lacks_come_from_the_case()
    {
        var @case = new CaseDetail(Guid.NewGuid(), "SK-2026-00001", "SK", "police", default, default, default, false, "assessed", "high", 1, null,
            new("Ana Petrova", "adult"), [], new("Petar Petrov", "husband"), new("given", true, null, "given", null), null);
        var draft = PlanFormDraft.From(Prefilled with { Victim = null }, @case);
        Assert.Equal("Ana Petrova", draft.Content.Victim.FullName);
        Assert.Equal("Petar Petrov", draft.Content.Perpetrator.FullName);
    }

    [Fact]
    public void Without_both_answers_only_questions_1_and_2_are_sent()
    {
        var sent = Sent(PlanFormDraft.From(Prefilled, null), withoutConsent: false);
        Assert.False(sent.GetProperty("informed").GetBoolean());
        Assert.True(sent.GetProperty("consentToTeamAndDataExchange").GetBoolean());
        foreach (var part in new[] { "fears", "unsafeToTalkTo", "victim", "violenceTable", "perpetrator", "riskOfRepetition" })
        {
            Assert.Equal(JsonValueKind.Null, sent.GetProperty(part).ValueKind);
        }
    }

    [Fact]
    public void Informed_and_consenting_or_a_child_the_whole_form_is_sent()
    {
        var draft = PlanFormDraft.From(Prefilled, null);
        draft.Informed = true;
        var sent = Sent(draft, withoutConsent: false);
        Assert.Equal("His brother", sent.GetProperty("unsafeToTalkTo").GetString());
        Assert.Equal("twice", sent.GetProperty("violenceTable").GetProperty("threats-to-kill").GetProperty("note").GetString());
        Assert.False(sent.GetProperty("violenceTable").TryGetProperty("current", out _));

        var child = PlanFormDraft.From(Prefilled with { ConsentToTeamAndDataExchange = false }, null);
        Assert.Equal("That he finds her", Sent(child, withoutConsent: true).GetProperty("fears").GetString());
    }
}
