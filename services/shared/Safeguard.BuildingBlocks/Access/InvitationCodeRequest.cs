using System.ComponentModel.DataAnnotations;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>A one-time code presented by the person it was e-mailed to (<see cref="InvitationCode"/>).</summary>
public sealed class InvitationCodeRequest
{
    /// <summary>The code from the e-mail, e.g. "7KQM-3XPD-A2RT"; case, spaces and dashes do not matter.</summary>
    [Required, StringLength(40, MinimumLength = 12)]
    public string? Code { get; init; }
}
