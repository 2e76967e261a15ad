using System.Net;
using System.Text;
using System.Text.Json;

namespace Safeguard.Notification.Templates;

/// <summary>A rendered e-mail: the same message as plain text and as HTML.</summary>
public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody);

/// <summary>A template as the delivery worker sees it: a key and a stored model to render.</summary>
public interface IEmailTemplate
{
    string Key { get; }

    /// <summary>Sent ahead of every other waiting e-mail: a delay here can cost a life.</summary>
    bool Urgent { get; }

    /// <param name="workspace">The workspace's public address, for e-mails that link to the page where their reader acts.</param>
    RenderedEmail Render(string modelJson, Language language, Uri? workspace = null);
}

/// <summary>
/// A template with a typed model. Models hold case references, codes and times only: there is no field
/// in which a victim's name, address or story could travel (Rulebook Art. 3).
/// </summary>
public abstract class EmailTemplate<TModel> : IEmailTemplate where TModel : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public abstract string Key { get; }

    public virtual bool Urgent => false;

    public string Serialize(TModel model) => JsonSerializer.Serialize(model, Json);

    public RenderedEmail Render(string modelJson, Language language, Uri? workspace = null)
    {
        var model = JsonSerializer.Deserialize<TModel>(modelJson, Json)
            ?? throw new InvalidOperationException($"Template {Key} got an empty model.");
        var (subject, paragraphs) = Compose(model, language);
        var link = WorkspaceLink.For(model, workspace);
        var text = ToText(link is null ? paragraphs : [.. paragraphs, $"{WorkspaceLink.Label(language)} {link}"]);
        return new RenderedEmail(subject, text, ToHtml(subject, paragraphs, link is null ? null : (WorkspaceLink.Label(language), link)));
    }

    /// <summary>The subject and the paragraphs of the body in <paramref name="language"/>.</summary>
    protected abstract (string Subject, IReadOnlyList<string> Paragraphs) Compose(TModel model, Language language);

    private static string ToText(IReadOnlyList<string> paragraphs) => string.Join("\n\n", paragraphs) + "\n";

    private static string ToHtml(string subject, IReadOnlyList<string> paragraphs, (string Label, Uri Address)? link)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        if (link is { } to)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(to.Label)).Append(" <a href=\"").Append(WebUtility.HtmlEncode(to.Address.ToString()))
                .Append("\">").Append(WebUtility.HtmlEncode(to.Address.ToString())).Append("</a></p>");
        }
        return html.Append("</body></html>").ToString();
    }
}
