using System.Text.Json;
using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.UnitTests;

/// <summary>
/// Issue 23: the Annex 1 questionnaire as she fills it in. Only what she gave is sent: an untouched question stays
/// unanswered (the model reads "cannot assess", never "no"); §4 goes only with children in the family.
/// </summary>
public sealed class AssessmentDraftTests
{
    private static Dictionary<string, string> Text(string en) => new() { ["en"] = en };

    private static readonly Instrument Annex1 = new("test", Text("Annex 1"),
        [new("yes", Text("Yes")), new("no", Text("No")), new("cannot-assess", Text("Cannot assess"))],
        [
            new("1", Text("Current violence"),
            [
                new("1.2", "answer", Text("Injury?"), true, null, [new("injury", "text", Text("Which"))], null, false),
                new("1.26", "text", Text("What would make her feel safer?"), false, null, null, null, false),
            ], null),
            new("2", Text("Prior violence"),
            [
                new("2.1", "answer", Text("Violent before?"), true, null, null, [new("physical", Text("Physical")), new("sexual", Text("Sexual"))], true),
            ], null),
            new("4", Text("Children"), [new("4.1", "answer", Text("Do the children suffer violence?"), true, null, null, null, false)], Instrument.ChildrenCondition),
        ]);

    private static JsonElement Sent(AssessmentDraft draft) => JsonSerializer.SerializeToElement(draft.Answers(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Untouched_questions_are_not_sent_and_are_listed_as_unanswered()
    {
        var draft = new AssessmentDraft(Annex1);
        draft["1.2"].Answer = "no";

        Assert.Equal(["1.2"], Sent(draft).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["2.1"], draft.Unanswered);
    }

    [Fact]
    public void Section_4_is_asked_and_sent_only_with_children_in_the_family()
    {
        var draft = new AssessmentDraft(Annex1);
        draft["4.1"].Answer = "yes";
        Assert.DoesNotContain("4.1", Sent(draft).EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("4.1", draft.Unanswered);

        draft.ChildrenInFamily = true;
        Assert.Equal("yes", Sent(draft).GetProperty("4.1").GetProperty("answer").GetString());
    }

    [Fact]
    public void Options_go_with_a_yes_only_and_blank_details_and_notes_are_dropped()
    {
        var draft = new AssessmentDraft(Annex1);
        draft["2.1"].Answer = "yes";
        draft["2.1"].Choices.Add("sexual");
        draft["2.1"].Choices.Add("physical");
        draft["1.2"].Answer = "no";
        draft["1.2"].Note = "   ";
        draft["1.2"].Details["injury"] = " ";
        draft["1.26"].Text = "  Her sister's flat  ";

        var sent = Sent(draft);
        Assert.Equal(["physical", "sexual"], sent.GetProperty("2.1").GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("1.2").GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("1.2").GetProperty("details").ValueKind);
        Assert.Equal("Her sister's flat", sent.GetProperty("1.26").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("1.26").GetProperty("answer").ValueKind);

        draft["2.1"].Answer = "no";
        Assert.Equal(JsonValueKind.Null, Sent(draft).GetProperty("2.1").GetProperty("choices").ValueKind);
    }
}
