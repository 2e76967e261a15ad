using MudBlazor;

namespace Safeguard.Workspace.Components.Layout;

/// <summary>
/// The workspace's colours: MudBlazor's defaults but for the clock badges, whose white text on the default red and
/// orange falls short of WCAG 2.1 AA contrast (4.5:1). Amber carries dark text; red, green and blue are deep enough for
/// white. Notices are filled (<see cref="Variant.Filled"/>), so their text is the contrast colour, never amber or
/// green on a pale tint.
/// </summary>
public static class WorkspaceTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Error = "#C62828",
            ErrorContrastText = "#FFFFFF",
            Warning = "#FFB300",
            WarningContrastText = "#1A1A1A",
            Success = "#1B5E20",
            SuccessContrastText = "#FFFFFF",
            Info = "#0D47A1",
            InfoContrastText = "#FFFFFF",
        },
    };
}
