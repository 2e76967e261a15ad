using Safeguard.RiskAssessment.Instrument;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.RiskAssessment.Assessments;

/// <summary>
/// Checks answers against the instrument version they claim to follow: no unknown item, option or detail;
/// every required "answer" item answered (cannot-assess is an answer); §4 only with children.
/// Errors are keyed "answers.&lt;item&gt;" so the client can point at the field.
/// A questionnaire still being filled in (<paramref name="complete"/> false) is checked for all but completeness.
/// </summary>
public static class AnswerValidator
{
    private const int MaxDetailLength = 2000;
    private const string ChildrenCondition = "childrenInFamily";

    public static Dictionary<string, string[]> Validate(InstrumentDefinition instrument, IReadOnlyDictionary<string, AnswerInput> answers, bool childrenInFamily, bool complete = true)
    {
        var errors = new Dictionary<string, string[]>();
        var items = instrument.Sections
            .SelectMany(s => s.Items.Select(i => (Section: s, Item: i)))
            .ToDictionary(x => x.Item.Id, StringComparer.Ordinal);

        foreach (var (id, answer) in answers)
        {
            var key = $"answers.{id}";
            if (!items.TryGetValue(id, out var entry))
            {
                errors[key] = [$"There is no item {id} in instrument version {instrument.Version}."];
                continue;
            }
            if (entry.Section.AppliesWhen == ChildrenCondition && !childrenInFamily)
            {
                errors[key] = [$"Section {entry.Section.Id} is answered only when there are children in the family (childrenInFamily is false)."];
                continue;
            }
            var problems = CheckAnswer(entry.Item, answer).ToArray();
            if (problems.Length > 0)
            {
                errors[key] = problems;
            }
        }

        foreach (var (section, item) in items.Values.Where(_ => complete))
        {
            var applies = section.AppliesWhen != ChildrenCondition || childrenInFamily;
            if (applies && item.Required && (!answers.TryGetValue(item.Id, out var given) || given.Answer is null) && !errors.ContainsKey($"answers.{item.Id}"))
            {
                errors[$"answers.{item.Id}"] = ["An answer is required: yes, no or cannot-assess."];
            }
        }
        return errors;
    }

    private static IEnumerable<string> CheckAnswer(InstrumentItem item, AnswerInput answer)
    {
        if (item.Kind != InstrumentItem.AnswerKind && answer.Answer is not null)
        {
            yield return $"Item {item.Id} is a {item.Kind} item: it takes no yes/no answer.";
        }
        if (item.Kind != InstrumentItem.TextKind && answer.Text is not null)
        {
            yield return $"Item {item.Id} takes no free text; use note or details.";
        }

        var options = item.Options?.Select(o => o.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var choices = answer.Choices ?? [];
        foreach (var unknown in choices.Where(c => !options.Contains(c)))
        {
            yield return options.Count == 0
                ? $"Item {item.Id} has no options."
                : $"'{unknown}' is not an option of item {item.Id} ({string.Join(", ", options)}).";
        }
        if (!item.Multiple && choices.Length > 1)
        {
            yield return $"Item {item.Id} takes one option only.";
        }
        if (item.Kind == InstrumentItem.AnswerKind && choices.Length > 0 && answer.Answer != AnswerValue.Yes)
        {
            yield return $"Options of item {item.Id} are given only with the answer yes.";
        }

        var details = item.Details?.Select(d => d.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (detail, value) in answer.Details ?? [])
        {
            if (!details.Contains(detail))
            {
                yield return details.Count == 0
                    ? $"Item {item.Id} has no detail fields."
                    : $"'{detail}' is not a detail of item {item.Id} ({string.Join(", ", details)}).";
            }
            else if (value.Length > MaxDetailLength)
            {
                yield return $"Detail '{detail}' is longer than {MaxDetailLength} characters.";
            }
        }
    }
}
