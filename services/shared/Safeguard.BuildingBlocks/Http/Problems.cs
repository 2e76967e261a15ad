using Microsoft.AspNetCore.Http;
using Safeguard.BuildingBlocks.Domain;

namespace Safeguard.BuildingBlocks.Http;

/// <summary>The RFC 7807 answers every endpoint gives, each naming the field at fault in "errors".</summary>
public static class Problems
{
    /// <summary>400: the request itself is wrong.</summary>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>409: the request is well formed but the record's state forbids it (closed, not adopted...).</summary>
    public static IResult Conflict(string field, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: message,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>403: the caller's role or institution may not do this; names the field that shows why, when there is one.</summary>
    public static IResult Forbidden(string field, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: message,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    /// <summary>A broken domain rule: 400 when the request was wrong, 409 when the record's state forbids it.</summary>
    public static IResult For(RuleBroken rule) => rule.Kind == RuleKind.Conflict ? Conflict(rule.Field, rule.Message) : Invalid(rule.Field, rule.Message);

    public static IResult NotFound(string title) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);
}
