using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Reintegration.Access;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.UnitTests;

/// <summary>
/// Issue 21 point 8: an officer reads and writes her own municipality's figures; an analyst reads any municipality's
/// or the country's and writes none. Refusals are 403 naming "municipality"; a malformed code is 400 naming it.
/// </summary>
public sealed class MunicipalityScopeTests
{
    private static HttpContext Officer(string municipality) => Signed(PlatformRoles.ReintegrationOfficer, municipality, "municipality");

    private static HttpContext Analyst() => Signed(PlatformRoles.Analyst, "MLSP", "ministry");

    private static HttpContext Signed(string role, string institution, string kind) => new DefaultHttpContext
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new(PlatformClaims.Subject, "u-1"), new(PlatformClaims.Roles, role), new(PlatformClaims.Institution, institution),
             new(PlatformClaims.InstitutionKind, kind)], "test")),
    };

    private static (int Status, string Field) Problem(IResult? result)
    {
        Assert.NotNull(result);
        var status = ((IStatusCodeHttpResult)result).StatusCode!.Value;
        var details = ((IValueHttpResult)result).Value;
        var errors = details is HttpValidationProblemDetails validation
            ? validation.Errors
            : (IDictionary<string, string[]>)((ProblemDetails)details!).Extensions["errors"]!;
        return (status, Assert.Single(errors).Key);
    }

    [Fact]
    public void An_officer_reads_her_own_municipality_whether_or_not_she_names_it_and_no_other()
    {
        Assert.Equal(("DRG", (IResult?)null), MunicipalityScope.ForReading(Officer("DRG"), null));
        Assert.Equal(("DRG", (IResult?)null), MunicipalityScope.ForReading(Officer("DRG"), "DRG"));

        var (municipality, refusal) = MunicipalityScope.ForReading(Officer("DRG"), "SKP");
        Assert.Null(municipality);
        Assert.Equal((StatusCodes.Status403Forbidden, "municipality"), Problem(refusal));
    }

    [Fact]
    public void An_analyst_reads_any_municipality_or_the_country_but_a_malformed_code_is_refused()
    {
        Assert.Equal(("SKP", (IResult?)null), MunicipalityScope.ForReading(Analyst(), "SKP"));
        Assert.Equal(((string?)null, (IResult?)null), MunicipalityScope.ForReading(Analyst(), null));

        var (_, refusal) = MunicipalityScope.ForReading(Analyst(), "skopje");
        Assert.Equal((StatusCodes.Status400BadRequest, "municipality"), Problem(refusal));
    }

    [Fact]
    public void Only_an_officer_of_the_municipality_writes_its_figures()
    {
        Assert.Null(MunicipalityScope.ForWriting(Officer("DRG"), "DRG", "Not yours."));
        Assert.Equal((StatusCodes.Status403Forbidden, "municipality"), Problem(MunicipalityScope.ForWriting(Officer("DRG"), "SKP", "Not yours.")));
        Assert.Equal((StatusCodes.Status403Forbidden, "municipality"), Problem(MunicipalityScope.ForWriting(Analyst(), "SKP", "Not yours.")));
    }
}
