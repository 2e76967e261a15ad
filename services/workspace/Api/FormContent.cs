namespace Safeguard.Workspace.Api;

/// <summary>
/// What Annex 3 and Annex 5 both ask once she is informed and consents (or at once for a child, Art. 22(2)): her
/// fears and who is safe or unsafe to talk to, §1 the victim, §2 the violence table, the perpetrator and other
/// circumstances, §3 the risk of repetition. Annex 5 takes them over from Annex 3 (Art. 18), so one draft serves both.
/// </summary>
public sealed class FormContent
{
    /// <summary>The violence table's rows, in the forms' order (safety-plan's row keys), with the forms' words.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> ViolenceRows =
    [
        ("current", "Current violence"),
        ("physical-injury", "Physical injury"),
        ("severe-physical-injury", "Severe physical injury"),
        ("injury-with-objects-or-tools", "Injury with objects or tools"),
        ("sexual", "Sexual violence"),
        ("psychological", "Psychological violence"),
        ("threats-to-kill", "Threats to kill"),
        ("threats-of-suicide", "Threats of suicide"),
        ("intimidation-and-coercive-control", "Intimidation and coercive control"),
        ("verbal-insults", "Verbal insults"),
        ("abusive-behaviour", "Abusive behaviour"),
        ("prior-violence", "Prior violence"),
        ("harm-to-children", "Harm to the children"),
        ("violence-in-presence-of-children", "Violence in the presence of the children"),
        ("victim-can-be-contacted-safely", "The victim can be contacted safely"),
        ("other", "Other"),
    ];

    public sealed class Row
    {
        public bool Present { get; set; }
        public string? Note { get; set; }
    }

    public string? Fears { get; set; }
    public string? SafeToTalkTo { get; set; }
    public string? UnsafeToTalkTo { get; set; }
    public VictimPart Victim { get; set; } = new();
    public Dictionary<string, Row> Violence { get; } = ViolenceRows.ToDictionary(r => r.Key, _ => new Row());
    public PerpetratorPart Perpetrator { get; set; } = new();
    public string? OtherCircumstances { get; set; }
    public string? RiskOfRepetition { get; set; }

    /// <summary>Takes what a saved form (or safety-plan's prefilled draft) holds; parts it lacks keep what is there.</summary>
    public void Take(string? fears, string? safeToTalkTo, string? unsafeToTalkTo, VictimPart? victim, IReadOnlyDictionary<string, ViolenceRow>? violence,
        PerpetratorPart? perpetrator, string? otherCircumstances, string? riskOfRepetition)
    {
        (Fears, SafeToTalkTo, UnsafeToTalkTo) = (fears, safeToTalkTo, unsafeToTalkTo);
        (OtherCircumstances, RiskOfRepetition) = (otherCircumstances, riskOfRepetition);
        Victim = victim ?? Victim;
        Perpetrator = perpetrator ?? Perpetrator;
        foreach (var (key, row) in violence ?? new Dictionary<string, ViolenceRow>())
        {
            if (Violence.TryGetValue(key, out var kept))
            {
                (kept.Present, kept.Note) = (row.Present, row.Note);
            }
        }
    }

    /// <summary>The rows she marked or wrote a note on, as the APIs take the table.</summary>
    public Dictionary<string, ViolenceRow> ViolenceTable() =>
        Violence.Where(r => r.Value.Present || !string.IsNullOrWhiteSpace(r.Value.Note))
            .ToDictionary(r => r.Key, r => new ViolenceRow(r.Value.Present, Trim(r.Value.Note)));

    /// <summary>The error fields this content's inputs show beside them.</summary>
    public static IEnumerable<string> Fields => new[] { "victim.fullName" }.Concat(ViolenceRows.Select(r => $"violenceTable.{r.Key}"));

    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
