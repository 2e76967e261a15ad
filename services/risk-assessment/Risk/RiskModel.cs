namespace Safeguard.RiskAssessment.Risk;

/// <summary>
/// The platform's risk model. The rulebook (Art. 9) names the factors to weigh but no scoring, so the
/// model follows validated instruments, kept simple enough for a professional to check by hand
/// (services/risk-assessment/README.md explains it in full):
/// <list type="number">
/// <item>Red flags known to predict lethal or near-lethal violence make the level high on their own
/// (Danger Assessment; DASH; ODARA; Art. 9).</item>
/// <item>Otherwise the level follows the count of risk factors present, as DASH does: 14 or more is high
/// (the DASH threshold for a multi-agency referral), 7 to 13 medium, fewer standard.</item>
/// <item>"Cannot assess" is not "no": five or more unknown factors, or an unknown red flag, mean low
/// confidence, and a low-confidence result is never standard. The level the unknowns could reach is shown.</item>
/// <item>The professional may raise the level with a written reason, never lower it (Annex 1 §5).</item>
/// </list>
/// </summary>
public static class RiskModel
{
    public const int HighThreshold = 14;
    public const int MediumThreshold = 7;
    public const int LowConfidenceUnknowns = 5;

    private const string Art9Current = "Art. 9 (current violence and threats)";
    private const string Art9Prior = "Art. 9 (prior violence)";
    private const string Art9Intensity = "Art. 9 (intensity and dynamics)";
    private const string Art9Perpetrator = "Art. 9 (perpetrator factors)";
    private const string Art9Case = "Art. 9 (case factors)";

    /// <summary>The factors counted, close to DASH's 27 questions, each tied to Annex 1 items.</summary>
    public static readonly IReadOnlyList<RiskIndicator> Indicators =
    [
        new("current-injury", "The current incident caused a physical injury", ["1.2"], $"{Art9Current}; DASH 1"),
        new("victim-fears-repetition", "The victim fears the violence will be repeated", ["1.3"], $"{Art9Case}; DASH 2"),
        new("hopelessness", "The victim feels there is no way out", ["1.4"], $"{Art9Case}; DASH 3"),
        new("controlling-behaviour", "Controlling behaviour: locking in, forbidding going out or contacts, following, restricting money", ["1.5", "1.5.1", "1.5.2", "1.5.3", "1.5.4", "1.5.5"], $"{Art9Intensity}; DASH 19"),
        new("object-used-to-injure", "An object or tool was used to injure her", ["1.6"], $"{Art9Intensity}; DASH 18"),
        new("weapon", "A weapon was used, threatened or used for control, he has access to one, or used one before", ["1.7", "1.8", "1.10", "1.15", "2.5"], $"{Art9Intensity} (access to weapons, especially firearms); Danger Assessment 3, 4", RedFlag: true),
        new("intends-to-obtain-weapon", "He intends to obtain a weapon", ["1.11"], Art9Intensity),
        new("threatening-behaviour", "Threatening communication or behaviour", ["1.9"], $"{Art9Current}; DASH 15"),
        new("fears-weapon-use", "She fears a weapon will be used against her, the children or people close to her", ["1.12", "1.13"], Art9Case),
        new("threat-to-kill", "He threatened her life or a family member's life", ["1.14"], $"{Art9Intensity} (threat to kill); Danger Assessment 15; DASH 24", RedFlag: true),
        new("suicide-threat", "He threatened suicide", ["1.16"], $"{Art9Perpetrator}; DASH 25; Danger Assessment 17"),
        new("stalking", "Stalking, following or harassment by any means", ["1.17"], $"{Art9Intensity}; DASH 11"),
        new("sexual-violence", "Sexual violence, forced intercourse, or intercourse out of fear", ["1.18", "1.19", "1.20"], $"{Art9Current}; DASH 21; Danger Assessment 11"),
        new("separation", "She has left or is leaving the violent relationship", ["1.22"], $"{Art9Case}; DASH 7; Danger Assessment 5"),
        new("economic-dependence", "She depends on him economically", ["1.23"], $"{Art9Current} (economic violence)"),
        new("substance-abuse", "He abuses alcohol, drugs or psychotropic substances, or has an addiction", ["1.24", "1.25", "3.4", "3.5", "3.6", "3.7"], $"{Art9Perpetrator}; DASH 26; Danger Assessment 9"),
        new("attempted-strangulation", "He tried to strangle, choke or suffocate her", ["1.27"], $"{Art9Intensity} (attempted strangulation); Danger Assessment 18; DASH 20", RedFlag: true),
        new("violence-in-pregnancy", "She is pregnant, or he was violent during a pregnancy", ["1.28"], $"{Art9Case} (violence during pregnancy); DASH 8; Danger Assessment 10", RedFlag: true),
        new("prior-violence", "He has been violent before", ["2.1"], $"{Art9Prior}; ODARA 1"),
        new("violence-towards-others", "Violence or threats towards the children or other family members", ["2.2", "2.12"], $"{Art9Prior}; DASH 13, 14; ODARA 5"),
        new("prior-reports-or-convictions", "He was reported to the police, convicted, or reported by others before", ["2.4", "3.1"], $"{Art9Prior} (offences); DASH 27; ODARA 2, 3"),
        new("prior-protection-measure", "A protection measure was imposed on him before", ["2.6"], $"{Art9Prior} (earlier emergency or temporary measures)"),
        new("breach-of-protection-measure", "He breached a protection measure in the last incident", ["2.7"], $"{Art9Prior} (whether he breached them); DASH 17; ODARA 4", RedFlag: true),
        new("escalation", "The violence is escalating", ["2.10"], $"{Art9Intensity}; DASH 16; Danger Assessment 1", RedFlag: true),
        new("violence-before-household", "Violence happens in front of close relatives in the household", ["2.13"], Art9Case),
        new("support-for-perpetrator", "Others support him in the violence", ["2.14"], Art9Case),
        new("victim-without-support", "She has no support or protection from family, household, relatives or friends", ["2.15", "2.16"], $"{Art9Case} (available support); DASH 6", Inverted: true),
        new("unemployed", "He is not employed", ["3.2"], $"{Art9Perpetrator} (employment or financial problems); Danger Assessment 6", Inverted: true),
        new("mental-disorder", "He has a diagnosed mental disorder", ["3.3"], $"{Art9Perpetrator} (mental illness)"),
        new("children-harmed", "The children suffer violence, there are conflicts over contact, or he breached a contact decision", ["4.1", "4.2", "4.4"], $"{Art9Case} (shared children); DASH 10, 12", ChildrenOnly: true),
    ];

    /// <summary>Red flags that need two answers together.</summary>
    public static readonly IReadOnlyList<CompoundRedFlag> CompoundRedFlags =
    [
        new("stalking-with-threats", "Stalking together with threats", ["stalking"], ["threatening-behaviour", "threat-to-kill", "weapon"],
            $"{Art9Intensity} (stalking accompanied by threats or violence); DASH 11"),
        new("separation-with-coercive-control", "She has left him, and he controls her", ["separation"], ["controlling-behaviour"],
            $"{Art9Perpetrator} (coercive control); Danger Assessment 5 and 13; DASH 7 and 19"),
    ];

    /// <summary>Fails start-up if the model reads an item the instrument does not have (a renamed or removed item).</summary>
    public static void EnsureConsistentWith(IEnumerable<string> instrumentItemIds)
    {
        var known = instrumentItemIds.ToHashSet(StringComparer.Ordinal);
        var missing = Indicators.SelectMany(i => i.Items).Append("5.1").Append("5.2").Append("5.4").Where(id => !known.Contains(id)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The risk model reads items the instrument lacks: {string.Join(", ", missing)}.");
        }
    }

    public static RiskResult Evaluate(IReadOnlyDictionary<string, AnswerValue> answers, bool childrenInFamily)
    {
        var states = Indicators
            .Where(i => childrenInFamily || !i.ChildrenOnly)
            .ToDictionary(i => i.Code, i => (Indicator: i, State: StateOf(i, answers)));

        var reasons = new List<RiskReason>();
        var redFlags = new List<string>();
        var unknownRedFlags = new List<string>();

        foreach (var (indicator, state) in states.Values.Where(s => s.Indicator.RedFlag))
        {
            if (state == IndicatorState.Present)
            {
                redFlags.Add(indicator.Code);
                reasons.Add(RiskReason.RedFlag(indicator.Code, indicator.Name, indicator.Items, indicator.Source));
            }
            else if (state == IndicatorState.Unknown)
            {
                unknownRedFlags.Add(indicator.Code);
            }
        }

        foreach (var compound in CompoundRedFlags)
        {
            var all = compound.AllOf.Select(c => states[c].State).ToList();
            var any = compound.AnyOf.Select(c => states[c].State).ToList();
            var items = compound.AllOf.Concat(compound.AnyOf).SelectMany(c => states[c].Indicator.Items).ToArray();
            if (all.All(s => s == IndicatorState.Present) && any.Any(s => s == IndicatorState.Present))
            {
                redFlags.Add(compound.Code);
                reasons.Add(RiskReason.RedFlag(compound.Code, compound.Name, items, compound.Source));
            }
            else if (all.All(s => s != IndicatorState.Absent) && any.Any(s => s != IndicatorState.Absent))
            {
                unknownRedFlags.Add(compound.Code);
            }
        }

        var present = states.Values.Where(s => s.State == IndicatorState.Present).ToList();
        var unknown = states.Values.Where(s => s.State == IndicatorState.Unknown).ToList();
        reasons.AddRange(present.Where(p => !p.Indicator.RedFlag)
            .Select(p => RiskReason.Factor(p.Indicator.Code, p.Indicator.Name, p.Indicator.Items, p.Indicator.Source)));

        var counted = LevelFromCount(present.Count);
        var level = redFlags.Count > 0 ? RiskLevel.High : counted;
        var confidence = unknown.Count >= LowConfidenceUnknowns || unknownRedFlags.Count > 0 ? Confidence.Low : Confidence.Normal;
        if (confidence == Confidence.Low)
        {
            reasons.Add(RiskReason.LowConfidence(unknown.Count, unknownRedFlags, unknown.SelectMany(u => u.Indicator.Items).ToArray()));
            // What could not be assessed is not read as safety.
            level = Max(level, RiskLevel.Medium);
        }
        var possible = unknownRedFlags.Count > 0 ? RiskLevel.High : Max(level, LevelFromCount(present.Count + unknown.Count));

        return new RiskResult(level, counted, redFlags, present.Count, states.Count, unknown.Count, unknownRedFlags,
            confidence, possible, reasons);
    }

    private static RiskLevel LevelFromCount(int present) =>
        present >= HighThreshold ? RiskLevel.High : present >= MediumThreshold ? RiskLevel.Medium : RiskLevel.Standard;

    private static RiskLevel Max(RiskLevel a, RiskLevel b) => a > b ? a : b;

    private static IndicatorState StateOf(RiskIndicator indicator, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var given = indicator.Items.Select(i => answers.TryGetValue(i, out var a) ? a : AnswerValue.CannotAssess).ToList();
        if (indicator.Inverted)
        {
            // Present only when every item is a clear "no" (no employment; no support from anyone).
            if (given.All(a => a == AnswerValue.No)) return IndicatorState.Present;
            return given.Any(a => a == AnswerValue.Yes) ? IndicatorState.Absent : IndicatorState.Unknown;
        }
        if (given.Any(a => a == AnswerValue.Yes)) return IndicatorState.Present;
        return given.Any(a => a == AnswerValue.CannotAssess) ? IndicatorState.Unknown : IndicatorState.Absent;
    }
}

/// <summary>A red flag that needs every factor of <paramref name="AllOf"/> and one of <paramref name="AnyOf"/>.</summary>
public sealed record CompoundRedFlag(string Code, string Name, string[] AllOf, string[] AnyOf, string Source);
