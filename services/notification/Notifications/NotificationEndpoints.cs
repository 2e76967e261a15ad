using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Notification.Delivery;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Notification.Notifications;

/// <summary>One line of the delivery log: what was sent to whom and how it went — never the message body.</summary>
public sealed record NotificationView(
    Guid Id,
    string CaseReference,
    string Cause,
    Guid CauseMessageId,
    string Template,
    Language Language,
    string? Recipient,
    NotificationStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError)
{
    public static NotificationView From(Notification n) => new(
        n.Id, n.CaseReference, n.CauseType, n.CauseMessageId, n.Template, n.Language, n.Recipient,
        n.Status, n.Attempts, n.CreatedAt, n.NextAttemptAt, n.SentAt, n.LastError);
}

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup(NotificationService.Description.ApiPrefix).WithTags("Notifications")
            // Operators of the platform follow deliveries; an e-mail record holds no victim's identity.
            .AllowRoles(PlatformRoles.PlatformAdmin);
        notifications.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithSummary("The delivery log, newest first, by case reference and/or recipient");
        notifications.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryNotification")
            .WithSummary("Send a failed notification again (operator)")
            .Produces<NotificationView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AuditAdministration("notification");
        return app;
    }

    private static async Task<IResult> RetryAsync(Guid id, NotificationDbContext db, TimeProvider time, DeliverySignal delivery, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return Problems.NotFound("There is no such notification.");
        }
        if (notification.Status != NotificationStatus.Failed)
        {
            return Problems.Conflict("status", $"Only a failed notification is retried; this one is {KebabCaseEnum.Name(notification.Status)}.");
        }
        notification.RetryByOperator(time.GetUtcNow());
        db.AfterCommit(delivery.Notify);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NotificationView.From(notification));
    }

    private static async Task<Ok<NotificationView[]>> ListAsync(
        string? caseReference, string? recipient, NotificationDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking();
        if (!string.IsNullOrEmpty(caseReference))
        {
            query = query.Where(n => n.CaseReference == caseReference);
        }
        if (!string.IsNullOrEmpty(recipient))
        {
            query = query.Where(n => n.Recipient == recipient);
        }
        var page = await query.OrderByDescending(n => n.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(NotificationView.From).ToArray());
    }
}
