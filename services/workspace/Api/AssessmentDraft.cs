namespace Safeguard.Workspace.Api;

/// <summary>One item's answer as she gives it.</summary>
public sealed class ItemDraft
{
    public string? Answer { get; set; }
    public string? Note { get; set; }
    public string? Text { get; set; }
    public HashSet<string> Choices { get; } = [];
    public Dictionary<string, string> Details { get; } = [];

    public bool IsEmpty => Answer is null && string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(Text)
        && Choices.Count == 0 && Details.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// An Annex 1 questionnaire being filled in, kept in the page's circuit (never the browser) until it is recorded.
/// It sends only what was given: an item left alone is unanswered, which the model reads as "cannot assess", never
/// as "no"; §4 goes only when there are children in the family, as the service requires.
/// </summary>
public sealed class AssessmentDraft(Instrument instrument)
{
    private readonly Dictionary<string, ItemDraft> _items = [];

    public Instrument Instrument { get; } = instrument;

    public bool ChildrenInFamily { get; set; }

    public ItemDraft this[string itemId] => _items.TryGetValue(itemId, out var item) ? item : _items[itemId] = new ItemDraft();

    private IEnumerable<InstrumentItem> ApplyingItems =>
        Instrument.Sections.Where(s => s.AppliesTo(ChildrenInFamily)).SelectMany(s => s.Items);

    /// <summary>Required questions still without an answer, in the form's order.</summary>
    public IReadOnlyList<string> Unanswered =>
        [.. ApplyingItems.Where(i => i.Required && i.TakesAnswer && this[i.Id].Answer is null).Select(i => i.Id)];

    /// <summary>The answers as the risk-assessment API takes them.</summary>
    public Dictionary<string, object> Answers()
    {
        var answers = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var item in ApplyingItems)
        {
            if (!_items.TryGetValue(item.Id, out var given) || given.IsEmpty)
            {
                continue;
            }
            var details = given.Details.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value.Trim());
            answers[item.Id] = new
            {
                answer = item.TakesAnswer ? given.Answer : null,
                note = string.IsNullOrWhiteSpace(given.Note) ? null : given.Note.Trim(),
                text = item.TakesText && !string.IsNullOrWhiteSpace(given.Text) ? given.Text.Trim() : null,
                // Options go with a "yes" only (or with a choice item).
                choices = given.Choices.Count > 0 && (!item.TakesAnswer || given.Answer == "yes") ? given.Choices.Order().ToArray() : null,
                details = details.Count > 0 ? details : null,
            };
        }
        return answers;
    }
}
