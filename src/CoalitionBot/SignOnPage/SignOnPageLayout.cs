using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace CoalitionBot.SignOnPage;

/// <summary>
/// The page shell: viewport for phones, one inline style sheet allowed by its hash in the Content-Security-Policy
/// (no script at all), and the security headers every sign-on page response carries.
/// </summary>
public static class SignOnPageLayout
{
    private const string Style = """
        :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f6f6f4}
        body{margin:0}main{max-width:46rem;margin:0 auto;padding:1rem}
        h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem}
        section,.cb-message{background:#fff;border:1px solid #c9c9c4;border-radius:8px;padding:1rem;margin:1rem 0}
        .cb-status .cb-message,section .cb-message{border:0;padding:0;margin:0;background:none}
        .cb-whose{background:#fff8e1;border:1px solid #8a6d00;border-radius:8px;padding:.75rem 1rem}
        .cb-status{background:#e8f5e9;border:2px solid #1b5e20;border-radius:8px;padding:.75rem 1rem}
        .cb-problem{background:#fdecea;border:2px solid #8e1b10;border-radius:8px;padding:.75rem 1rem}
        .cb-fields{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}.cb-fields dt{font-weight:600}.cb-fields dd{margin:0}
        .cb-memo p{margin:.75rem 0}.memo-para-marker{color:#3d3d3d;font-weight:600;margin-right:.25rem}
        .cb-buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}.cb-inline{display:inline}
        button,.cb-button{font:inherit;min-height:44px;padding:.5rem 1rem;border-radius:6px;border:2px solid #1f3a93;background:#fff;color:#1f3a93;cursor:pointer;text-decoration:none;display:inline-block}
        .cb-primary{background:#1f3a93;color:#fff}.cb-danger{border-color:#8e1b10;color:#8e1b10}
        button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #ff9800;outline-offset:2px}
        .cb-field{margin:1rem 0}.cb-field label{display:block;font-weight:600}.cb-field small{display:block;color:#3d3d3d}
        input[type=text],select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #595959;border-radius:4px;background:#fff;color:#1a1a1a}
        input[type=checkbox]{width:1.25rem;height:1.25rem;vertical-align:middle}
        .cb-error{color:#8e1b10;font-weight:600}a{color:#1f3a93}footer{color:#3d3d3d;font-size:.9rem;margin:2rem 0}
        """;

    /// <summary>The policy for every response: nothing loads from anywhere but this style sheet; forms post only here; no framing.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static void AddSecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }

    /// <summary>A whole page; <paramref name="body"/> is HTML already escaped by its maker.</summary>
    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<meta name=\"robots\" content=\"noindex, nofollow\"><title>{Encode(title)}</title><style>{Style}</style></head>"
            + $"<body><main>{body}<footer>CoalitionBot sign-on page. This page is personal: please do not forward its address.</footer></main></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>Encodes text for an attribute value or for content that is ours; unmatched bidi controls are dropped.</summary>
    public static string Encode(string text) => Encoder.Encode(Documents.BidiText.Balance(text));

    /// <summary>A user field (a name, a title) in element content: isolated in a &lt;bdi&gt; when it needs it (<see cref="Documents.BidiText"/>).</summary>
    public static string User(string? text) => Documents.BidiText.Html(text, Encoder.Encode);
}
