namespace Safeguard.Notification.Templates;

/// <summary>
/// Languages in which notifications are written: the official languages of the seed documents and
/// English (domain brief §5). A recipient's preferred language is used; English is the fallback.
/// </summary>
public enum Language
{
    /// <summary>English.</summary>
    En,

    /// <summary>Macedonian.</summary>
    Mk,

    /// <summary>Albanian.</summary>
    Sq,

    /// <summary>Serbian.</summary>
    Sr,
}
