namespace Safeguard.RiskAssessment.Risk;

/// <summary>
/// One risk factor of the model, read from one or more Annex 1 items. It is present when any of its items
/// is answered "yes" (for an inverted factor, when all are answered "no"), unknown when none is "yes" but
/// one could not be assessed, and absent otherwise.
/// </summary>
/// <param name="Code">Stable kebab-case code, used in reasons and events.</param>
/// <param name="Name">What the factor is, in words a professional checks against the form.</param>
/// <param name="Items">The Annex 1 items it reads.</param>
/// <param name="Source">Where the factor comes from (rulebook article, validated instrument).</param>
/// <param name="RedFlag">Present on its own, it makes the level high.</param>
/// <param name="Inverted">Present when every item is answered "no" (e.g. unemployment from "Is he employed?").</param>
/// <param name="ChildrenOnly">Read only when there are children in the family (§4).</param>
public sealed record RiskIndicator(
    string Code,
    string Name,
    string[] Items,
    string Source,
    bool RedFlag = false,
    bool Inverted = false,
    bool ChildrenOnly = false);

public enum IndicatorState
{
    Absent,
    Present,
    Unknown,
}
