using System.Text;

namespace IlioCare.Ceiling;

/// <summary>
/// Pages built with a StringBuilder: the rows the endpoint read, then filler up to the byte size the app's page
/// has (measured by bench/load.sh and passed in), so both sides send the same number of bytes per response.
/// </summary>
internal static class Html
{
    public static StringBuilder Start(string title) => new StringBuilder(16 * 1024)
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append(" · IlioCare</title></head><body><main>");

    public static string Finish(StringBuilder page, int targetBytes)
    {
        const string end = "</main></body></html>";
        var missing = targetBytes - page.Length - end.Length - "<!---->".Length;
        if (missing > 0) page.Append("<!--").Append('.', missing).Append("-->");
        return page.Append(end).ToString();
    }

    public static Task WriteAsync(HttpResponse response, string html)
    {
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(html);
    }
}
