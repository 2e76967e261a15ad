namespace Safeguard.Workspace.Api;

/// <summary>
/// A problem response's messages, by the field they name ("victim.fullName", "answers.1.14"): each input shows its
/// own beside it, and whatever names no input on the page is listed above the form, so nothing is silently dropped.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.OrdinalIgnoreCase);

    public static FieldErrors None => new();

    public static FieldErrors From(IReadOnlyDictionary<string, string[]> errors)
    {
        var fieldErrors = new FieldErrors();
        foreach (var (field, messages) in errors)
        {
            fieldErrors._errors[field] = messages;
        }
        return fieldErrors;
    }

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? Text(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Messages for fields the page has no input for (e.g. "If-Match", or the body as a whole).</summary>
    public IEnumerable<string> Unplaced(IEnumerable<string> fieldsOnPage)
    {
        var placed = new HashSet<string>(fieldsOnPage, StringComparer.OrdinalIgnoreCase);
        return _errors.Where(e => !placed.Contains(e.Key)).SelectMany(e => e.Value.Select(m => e.Key.Length == 0 ? m : $"{e.Key}: {m}"));
    }
}
