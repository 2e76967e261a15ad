namespace Safeguard.Notification.Templates;

/// <param name="Reason">"scheduled", "changed", "enrolled" or "cancelled".</param>
/// <param name="Role">"participant" or "trainer".</param>
public sealed record SessionInvitationEmail(string ProgrammeTitle, string ActivityCode, DateOnly StartsOn, DateOnly EndsOn, string Place, string Reason, string Role);

/// <summary>To a trainer or participant of a training session (issue 8 §5): invited, changed or cancelled.</summary>
public sealed class SessionInvitationTemplate : EmailTemplate<SessionInvitationEmail>
{
    public override string Key => "session-invitation";

    protected override (string Subject, IReadOnlyList<string> Paragraphs) Compose(SessionInvitationEmail m, Language language)
    {
        var (title, when, where) = (m.ProgrammeTitle, m.StartsOn == m.EndsOn ? $"{m.StartsOn:dd.MM.yyyy}" : $"{m.StartsOn:dd.MM.yyyy}–{m.EndsOn:dd.MM.yyyy}", m.Place);
        var trainer = m.Role == "trainer";
        return (language, m.Reason) switch
        {
            (Language.Mk, "cancelled") => ($"Откажана обука: {title}, {when}", [$"Обуката „{title}“ ({when}, {where}; активност {m.ActivityCode} од Акцискиот план) е откажана."]),
            (Language.Mk, "changed") => ($"Изменета обука: {title}, {when}", [$"Обуката „{title}“ е изменета: сега е {when} во {where} (активност {m.ActivityCode})."]),
            (Language.Mk, _) => ($"Покана за обука: {title}, {when}", [trainer ? $"Поканети сте како обучувач на „{title}“, {when} во {where} (активност {m.ActivityCode})." : $"Запишани сте на обуката „{title}“, {when} во {where} (активност {m.ActivityCode})."]),
            (Language.Sq, "cancelled") => ($"Trajnim i anuluar: {title}, {when}", [$"Trajnimi \"{title}\" ({when}, {where}; aktiviteti {m.ActivityCode} i Planit të veprimit) u anulua."]),
            (Language.Sq, "changed") => ($"Trajnim i ndryshuar: {title}, {when}", [$"Trajnimi \"{title}\" ndryshoi: tani është {when} në {where} (aktiviteti {m.ActivityCode})."]),
            (Language.Sq, _) => ($"Ftesë për trajnim: {title}, {when}", [trainer ? $"Jeni ftuar si trajner i \"{title}\", {when} në {where} (aktiviteti {m.ActivityCode})." : $"Jeni regjistruar në trajnimin \"{title}\", {when} në {where} (aktiviteti {m.ActivityCode})."]),
            (Language.Sr, "cancelled") => ($"Otkazana obuka: {title}, {when}", [$"Obuka „{title}“ ({when}, {where}; aktivnost {m.ActivityCode} Akcionog plana) je otkazana."]),
            (Language.Sr, "changed") => ($"Izmenjena obuka: {title}, {when}", [$"Obuka „{title}“ je izmenjena: sada je {when} u {where} (aktivnost {m.ActivityCode})."]),
            (Language.Sr, _) => ($"Poziv na obuku: {title}, {when}", [trainer ? $"Pozvani ste kao trener na „{title}“, {when} u {where} (aktivnost {m.ActivityCode})." : $"Upisani ste na obuku „{title}“, {when} u {where} (aktivnost {m.ActivityCode})."]),
            (_, "cancelled") => ($"Training cancelled: {title}, {when}", [$"The training \"{title}\" ({when}, {where}; action-plan activity {m.ActivityCode}) has been cancelled."]),
            (_, "changed") => ($"Training changed: {title}, {when}", [$"The training \"{title}\" has changed: it is now {when} at {where} (activity {m.ActivityCode})."]),
            _ => ($"Invitation to training: {title}, {when}", [trainer ? $"You are invited as a trainer of \"{title}\", {when} at {where} (activity {m.ActivityCode})." : $"You are enrolled in the training \"{title}\", {when} at {where} (activity {m.ActivityCode})."]),
        };
    }
}
