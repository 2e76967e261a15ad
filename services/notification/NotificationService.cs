using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.Notification;

public static class NotificationService
{
    public static readonly ServiceDescription Description = new("notification", "/api/notifications");
}
