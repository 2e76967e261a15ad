using Microsoft.AspNetCore.Http;
using Safeguard.BuildingBlocks.Http;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// A list "by centre" or "by municipality" shows the caller her own institution's records only; naming
/// another is refused with 403 rather than silently narrowed, so a client never mistakes it for "none".
/// </summary>
public static class InstitutionScope
{
    /// <returns>The caller's institution to filter on, or the 403 problem naming <paramref name="field"/>.</returns>
    public static (string Institution, IResult? Refusal) Own(HttpContext http, string? requested, string field)
    {
        var own = http.Caller().Institution;
        return !string.IsNullOrEmpty(requested) && requested != own
            ? (own, Problems.Forbidden(field, "Only your own institution's records can be listed."))
            : (own, null);
    }
}
