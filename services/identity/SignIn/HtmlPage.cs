using System.Net;
using System.Text;

namespace Safeguard.Identity.SignIn;

/// <summary>
/// The sign-in pages: plain HTML forms, no script, every value encoded, never cached, never framed. They hold no
/// personal data but the e-mail the person typed, which is not echoed back after a failure.
/// </summary>
public sealed class HtmlPage(HttpRequest request, PageTexts texts, string title)
{
    private readonly StringBuilder _body = new();

    public HtmlPage Paragraph(string text, string? role = null)
    {
        _body.Append(role is null ? "<p>" : $"<p role=\"{role}\">").Append(Encode(text)).Append("</p>");
        return this;
    }

    public HtmlPage Link(string href, string text)
    {
        _body.Append("<p><a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a></p>");
        return this;
    }

    public HtmlPage Code(string label, string value)
    {
        _body.Append("<p>").Append(Encode(label)).Append(": <code id=\"authenticator-key\">").Append(Encode(value)).Append("</code></p>");
        return this;
    }

    public HtmlPage Form(string action, string antiforgeryField, string antiforgeryToken, IEnumerable<(string Name, string Value)> hidden,
        IEnumerable<(string Name, string Label, string Type, string Autocomplete)> fields, string submit)
    {
        _body.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">");
        _body.Append("<input type=\"hidden\" name=\"").Append(Encode(antiforgeryField)).Append("\" value=\"").Append(Encode(antiforgeryToken)).Append("\">");
        foreach (var (name, value) in hidden)
        {
            _body.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">");
        }
        foreach (var (name, label, type, autocomplete) in fields)
        {
            _body.Append("<p><label for=\"").Append(name).Append("\">").Append(Encode(label)).Append("</label><br><input id=\"").Append(name)
                .Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append("\" autocomplete=\"").Append(autocomplete).Append("\" required></p>");
        }
        _body.Append("<p><button type=\"submit\">").Append(Encode(submit)).Append("</button></p></form>");
        return this;
    }

    public IResult Result(int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"").Append(texts.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Encode(title)).Append(" · Safeguard</title></head><body><main>")
            .Append("<h1>").Append(Encode(title)).Append("</h1>").Append(_body)
            .Append("<nav>").AppendJoin(" · ", PageTexts.All.Select(t => $"<a href=\"{Encode(InLanguage(t.Language))}\" hreflang=\"{t.Language}\">{t.Language}</a>"))
            .Append("</nav></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>This page in another language, keeping where it leads (the return address of a sign-in).</summary>
    private string InLanguage(string language) => request.Path + QueryString.Create(
        request.Query.Where(q => q.Key != "lang").Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Append(KeyValuePair.Create("lang", (string?)language)));

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
