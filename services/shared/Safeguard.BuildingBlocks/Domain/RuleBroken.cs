namespace Safeguard.BuildingBlocks.Domain;

/// <summary>Whether the request itself was wrong (an answer of 400) or the record's state forbids it (409).</summary>
public enum RuleKind
{
    Invalid,
    Conflict,
}

/// <summary>
/// A rule of the domain that a change would break, named by the field at fault. Domain types return it
/// instead of changing anything, so a rule is checked where it lives and a unit test can read it; the
/// endpoint answers it as a problem response naming the field (<c>Problems.For</c>).
/// </summary>
public sealed record RuleBroken(RuleKind Kind, string Field, string Message)
{
    public static RuleBroken Invalid(string field, string message) => new(RuleKind.Invalid, field, message);

    public static RuleBroken Conflict(string field, string message) => new(RuleKind.Conflict, field, message);
}
