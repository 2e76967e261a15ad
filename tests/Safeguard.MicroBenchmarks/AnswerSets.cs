using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Instrument;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.MicroBenchmarks;

/// <summary>The kinds of filled-in Annex 1 questionnaires a centre submits, each giving a known model result.</summary>
public enum Profile
{
    /// <summary>Two factors present: standard risk.</summary>
    Standard,

    /// <summary>Nine factors present: medium risk by count.</summary>
    Medium,

    /// <summary>A weapon was used: high on a red flag alone.</summary>
    RedFlag,

    /// <summary>Many items could not be assessed: low confidence.</summary>
    LowConfidence,
}

/// <summary>Complete answer sets for the current instrument, as the load benchmark and the service tests submit them.</summary>
public static class AnswerSets
{
    public static readonly InstrumentDefinition Instrument = InstrumentCatalog.LoadEmbedded().Current;

    /// <summary>Every item answered: "no" unless the profile says otherwise, texts and choices filled in.</summary>
    public static Dictionary<string, AnswerInput> For(Profile profile)
    {
        var yes = profile switch
        {
            Profile.Standard => ["1.3", "2.1"],
            Profile.Medium => ["1.2", "1.3", "1.4", "1.5", "1.6", "1.9", "2.1", "2.2", "3.1"],
            Profile.RedFlag => ["1.2", "1.7", "1.9"],
            _ => new[] { "1.3" },
        };
        var unknown = profile == Profile.LowConfidence ? new[] { "1.2", "1.4", "1.6", "1.9", "2.1", "2.2", "3.1", "3.2" } : [];
        var answers = new Dictionary<string, AnswerInput>(StringComparer.Ordinal);
        foreach (var item in Instrument.Items)
        {
            answers[item.Id] = item.Kind switch
            {
                InstrumentItem.AnswerKind => new AnswerInput
                {
                    Answer = yes.Contains(item.Id) ? AnswerValue.Yes : unknown.Contains(item.Id) ? AnswerValue.CannotAssess : AnswerValue.No,
                },
                InstrumentItem.ChoiceKind => new AnswerInput { Choices = [item.Options![0].Id] },
                _ => new AnswerInput { Text = "Observed at the interview; no further detail." },
            };
        }
        return answers;
    }

    /// <summary>The scale answers only, as the risk model reads them.</summary>
    public static Dictionary<string, AnswerValue> Scale(Dictionary<string, AnswerInput> answers) =>
        answers.Where(a => a.Value.Answer is not null).ToDictionary(a => a.Key, a => a.Value.Answer!.Value, StringComparer.Ordinal);
}
