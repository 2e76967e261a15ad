using BenchmarkDotNet.Attributes;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Risk;

namespace Safeguard.MicroBenchmarks;

/// <summary>What every assessment submission computes before it touches the database.</summary>
public class RiskModelBenchmarks
{
    private Dictionary<string, AnswerInput> _answers = null!;
    private Dictionary<string, AnswerValue> _scale = null!;

    [Params(Profile.Standard, Profile.Medium, Profile.RedFlag, Profile.LowConfidence)]
    public Profile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _answers = AnswerSets.For(Profile);
        _scale = AnswerSets.Scale(_answers);
        // The figures are only worth reading if each profile gives the result it is named for.
        var errors = AnswerValidator.Validate(AnswerSets.Instrument, _answers, childrenInFamily: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {Profile} answers are invalid: {string.Join("; ", errors.Keys)}");
        }
        var result = RiskModel.Evaluate(_scale, childrenInFamily: true);
        var expected = Profile switch
        {
            Profile.Standard => (RiskLevel.Standard, Confidence.Normal),
            Profile.Medium => (RiskLevel.Medium, Confidence.Normal),
            Profile.RedFlag => (RiskLevel.High, Confidence.Normal),
            _ => (result.Level, Confidence.Low),
        };
        if ((result.Level, result.Confidence) != expected)
        {
            throw new InvalidOperationException($"The {Profile} answers give {result.Level}/{result.Confidence}, not {expected}.");
        }
    }

    [Benchmark(Description = "RiskModel.Evaluate")]
    public RiskResult Evaluate() => RiskModel.Evaluate(_scale, childrenInFamily: true);

    [Benchmark(Description = "AnswerValidator.Validate (full Annex 1)")]
    public int Validate() => AnswerValidator.Validate(AnswerSets.Instrument, _answers, childrenInFamily: true).Count;
}
