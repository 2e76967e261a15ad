using System.ComponentModel.DataAnnotations;
using Safeguard.BuildingBlocks.Domain;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>
/// Why a record was erased (issue 24 §10): its retention period ended, or a ground of GDPR Art. 17(1), which the
/// country's personal data protection law follows.
/// </summary>
public enum ErasureGround
{
    /// <summary>The record's retention period ended (a <c>Retention:*</c> setting): the platform's own ground.</summary>
    RetentionEnded,

    /// <summary>Art. 17(1)(a): no longer necessary for the purposes it was collected for.</summary>
    NoLongerNecessary,

    /// <summary>Art. 17(1)(b): the person withdrew the consent the processing rested on.</summary>
    ConsentWithdrawn,

    /// <summary>Art. 17(1)(c): the person objected and no overriding legitimate grounds remain.</summary>
    Objection,

    /// <summary>Art. 17(1)(d): the data were processed unlawfully.</summary>
    UnlawfullyProcessed,

    /// <summary>Art. 17(1)(e): a legal obligation (e.g. a court's order) requires it.</summary>
    LegalObligation,
}

/// <summary>An authorised request to erase a record (issue 24 §10), the same body at every service that erases.</summary>
public sealed class ErasureRequest
{
    /// <summary>The ground of GDPR Art. 17(1) the request rests on.</summary>
    [Required]
    public ErasureGround? Ground { get; init; }

    /// <summary>A request names a ground of Art. 17(1); the end of a retention period is the platform's own ground, never a request's.</summary>
    public RuleBroken? Check() =>
        Ground == ErasureGround.RetentionEnded
            ? RuleBroken.Invalid("ground", "retention-ended is the platform's own ground when a period ends; a request names a ground of GDPR Art. 17(1).")
            : null;
}
