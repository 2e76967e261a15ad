namespace Safeguard.Notification.Delivery;

/// <summary>
/// The workspace's public address (setting <c>Notification:WorkspaceUrl</c>, e.g. https://safeguard.example/workspace/):
/// e-mails to team members link to the page where they act. Without it the e-mails carry no link.
/// </summary>
public sealed record WorkspaceAddress(Uri? Url)
{
    public static WorkspaceAddress From(IConfiguration configuration) =>
        new(configuration["Notification:WorkspaceUrl"] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null);
}
