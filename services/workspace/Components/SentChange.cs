using Safeguard.Workspace.Api;

namespace Safeguard.Workspace.Components;

/// <summary>
/// What came of a change she sent: its answer; whether someone changed the record since the page read it (412:
/// the page offers to reload, and what she typed stays); and the refusal's messages by field, none when it was
/// accepted or stale.
/// </summary>
public sealed record SentChange<TValue>(ApiResult<TValue> Result, bool Stale, FieldErrors Errors)
{
    public bool Ok => Result.Ok;
}
