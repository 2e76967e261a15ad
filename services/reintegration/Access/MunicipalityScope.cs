using System.Text.RegularExpressions;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Cases;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Access;

/// <summary>
/// Whose figures a caller reads or writes (issue 21, point 8): a reintegration officer her own municipality's, the
/// ministry's analysts any municipality's or the country's (they read counts, with small ones withheld). The
/// indicator, scheme-evaluation and progress-report endpoints all ask here, so the rule cannot drift between them.
/// </summary>
public static class MunicipalityScope
{
    private const string Field = "municipality";

    /// <returns>The municipality to read (null: the country, for an analyst who named none), or the problem to answer.</returns>
    public static (string? Municipality, IResult? Refusal) ForReading(HttpContext http, string? requested)
    {
        if (!http.Caller().Is(PlatformRoles.Analyst))
        {
            var (own, refused) = InstitutionScope.Own(http, requested, Field);
            if (refused is not null)
            {
                return (null, refused);
            }
            requested = own;
        }
        return requested is null || Regex.IsMatch(requested, Codes.Pattern) ? (requested, null) : (null, Problems.Invalid(Field, Codes.Message));
    }

    /// <returns>Null when the caller is an officer of <paramref name="municipality"/>, else the 403 problem saying <paramref name="refusal"/>.</returns>
    public static IResult? ForWriting(HttpContext http, string municipality, string refusal) =>
        !HouseholdAccessRules.IsOfficerOf(http.Caller(), municipality) ? Problems.Forbidden(Field, refusal)
        : Regex.IsMatch(municipality, Codes.Pattern) ? null
        : Problems.Invalid(Field, Codes.Message);
}
