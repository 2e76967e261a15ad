using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Notification.Institutions;

/// <summary>The mailbox and language of an institution.</summary>
public sealed class InstitutionContactRequest
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    [Required, EmailAddress, StringLength(254)]
    public string? Email { get; init; }

    /// <summary>en, mk, sq or sr; English when not given.</summary>
    public Language? Language { get; init; }
}

public sealed record InstitutionContactView(string Code, string Name, string Email, Language Language, DateTimeOffset UpdatedAt)
{
    public static InstitutionContactView From(InstitutionContact c) => new(c.Code, c.Name, c.Email, c.Language, c.UpdatedAt);
}

public static partial class InstitutionEndpoints
{
    public static IEndpointRouteBuilder MapInstitutionEndpoints(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup(NotificationService.Description.ApiPrefix + "/institutions").WithTags("Institutions").AllowRoles(PlatformRoles.PlatformAdmin);
        institutions.MapPut("/{code}", PutAsync).WithName("PutInstitutionContact").WithSummary("Register or change an institution's mailbox")
            .AuditAdministration("institution-mailbox", AdministrationAudit.RouteValue("code"));
        institutions.MapGet("/", ListAsync).WithName("ListInstitutionContacts").WithSummary("List institution mailboxes");
        return app;
    }

    private static async Task<Results<Ok<InstitutionContactView>, Created<InstitutionContactView>, ValidationProblem>> PutAsync(
        string code, InstitutionContactRequest request, NotificationDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!InstitutionCode().IsMatch(code))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = ["The institution code must be 2 to 10 capital letters, e.g. \"SK\"."],
            });
        }

        var now = time.GetUtcNow();
        var language = request.Language ?? Language.En;
        var existing = await db.Institutions.FindAsync([code], cancellationToken);
        if (existing is not null)
        {
            existing.Update(request.Name!, request.Email!, language, now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(InstitutionContactView.From(existing));
        }

        var created = InstitutionContact.Create(code, request.Name!, request.Email!, language, now);
        db.Institutions.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{NotificationService.Description.ApiPrefix}/institutions/{code}", InstitutionContactView.From(created));
    }

    private static async Task<Ok<InstitutionContactView[]>> ListAsync(NotificationDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(InstitutionContactView.From).ToArray());
    }

    [GeneratedRegex("^[A-Z]{2,10}$")]
    private static partial Regex InstitutionCode();
}
