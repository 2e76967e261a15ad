using System.Text.Json.Serialization;

namespace Safeguard.Notification.Templates;

/// <summary>
/// An e-mail whose reader acts on it in the workspace (issue 23): it names the page, by a plan's id or a fixed
/// path, never by a name. The workspace's public address is the service's setting <c>Notification:WorkspaceUrl</c>.
/// </summary>
public interface ILinksToWorkspace
{
    /// <summary>The page under the workspace's address, e.g. "plans/{id}"; null when there is none.</summary>
    [JsonIgnore]
    string? WorkspacePath { get; }
}

/// <summary>The line that carries the link, in the reader's language.</summary>
public static class WorkspaceLink
{
    public static string Label(Language language) => language switch
    {
        Language.Mk => "Отворете во работниот простор на Safeguard:",
        Language.Sq => "Hapeni në hapësirën e punës së Safeguard:",
        Language.Sr => "Otvorite u radnom prostoru Safeguard-a:",
        _ => "Open it in the Safeguard workspace:",
    };

    /// <summary>The page's address; null without a workspace address or a page.</summary>
    public static Uri? For(object model, Uri? workspace) =>
        workspace is not null && model is ILinksToWorkspace { WorkspacePath: { Length: > 0 } path } ? new Uri(workspace, path) : null;
}
