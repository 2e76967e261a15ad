using Microsoft.AspNetCore.Components.Authorization;
using Safeguard.Workspace.Sessions;

namespace Safeguard.Workspace.Languages;

/// <summary>
/// The language a person works in (issue 23: chosen per user): her account's language (the <c>locale</c> claim of
/// her sign-in) until she picks another, which her server-side session keeps for the pages she opens next. Never in
/// the browser's storage or the address.
/// </summary>
public sealed class UserLanguage(AuthenticationStateProvider authentication, ServerSideSessions sessions)
{
    private const string Choice = "workspace.language";

    public async Task<WorkspaceTexts> CurrentAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (ServerSideSessions.KeyOf(user) is { } key && await sessions.RetrieveAsync(key) is { } ticket
            && ticket.Properties.Items.TryGetValue(Choice, out var chosen))
        {
            return WorkspaceTexts.Of(chosen);
        }
        return WorkspaceTexts.Of(user.FindFirst("locale")?.Value);
    }

    public async Task<WorkspaceTexts> ChooseAsync(string language)
    {
        var texts = WorkspaceTexts.Of(language);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (ServerSideSessions.KeyOf(user) is { } key && await sessions.RetrieveAsync(key) is { } ticket)
        {
            ticket.Properties.Items[Choice] = texts.Language;
            await sessions.RenewAsync(key, ticket);
        }
        return texts;
    }
}
