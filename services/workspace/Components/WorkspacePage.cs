using Microsoft.AspNetCore.Components;
using Safeguard.Workspace.Api;
using Safeguard.Workspace.Languages;

namespace Safeguard.Workspace.Components;

/// <summary>
/// What every page of the workspace does the same way: speaks the person's language, calls the gateway with her
/// token, and when her session has ended (idle, signed out, account disabled) sends her to sign in again and back.
/// </summary>
public abstract class WorkspacePage : ComponentBase
{
    [CascadingParameter] protected WorkspaceTexts T { get; set; } = WorkspaceTexts.En;

    [Inject] protected GatewayApi Api { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [Inject] protected TimeProvider Time { get; set; } = null!;

    /// <summary>Runs a call to the gateway; an ended session leads to the sign-in page, not an error.</summary>
    protected async Task<ApiResult<TValue>?> CallAsync<TValue>(Func<GatewayApi, Task<ApiResult<TValue>>> call)
    {
        try
        {
            return await call(Api);
        }
        catch (SessionEndedException)
        {
            var here = Navigation.ToAbsoluteUri(Navigation.Uri).AbsolutePath;
            Navigation.NavigateTo($"sign-in?again=true&returnUrl={Uri.EscapeDataString(here)}", forceLoad: true);
            return null;
        }
    }

    /// <summary>Whether a change is on its way: its button stays disabled, so a second tap does not send it twice.</summary>
    protected bool Busy { get; private set; }

    /// <summary>
    /// Sends a change. The answer tells whether it was accepted, refused (messages by field, or the problem's words
    /// under "what" when it names none) or stale (412); null when her session has ended and she is being sent to sign in.
    /// </summary>
    protected async Task<SentChange<TValue>?> SendChangeAsync<TValue>(Func<GatewayApi, Task<ApiResult<TValue>>> call, string what)
    {
        Busy = true;
        try
        {
            if (await CallAsync(call) is not { } result) return null;
            var stale = result.Status == System.Net.HttpStatusCode.PreconditionFailed;
            return new SentChange<TValue>(result, stale, result.Ok || stale ? FieldErrors.None : ErrorsOf(result, what));
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>A refused change's messages for the form: by field, or the problem's words when it names none.</summary>
    protected FieldErrors ErrorsOf(IApiAnswer result, string what) => FieldErrors.From(result.Errors.Count > 0
        ? result.Errors
        : new Dictionary<string, string[]> { [""] = [ProblemText(result, what)] });

    /// <summary>The words of a failed call: its problem's title, else the status.</summary>
    protected string ProblemText(IApiAnswer result, string what) =>
        result.Title is { Length: > 0 } title ? title : $"{T[what]} ({(int)result.Status}).";
}
