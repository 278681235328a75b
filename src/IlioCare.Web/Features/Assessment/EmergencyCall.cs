using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace IlioCare.Web.Features.Assessment;

/// <summary>
/// A safety sentence with the configured emergency number as a link that dials it (docs/words.md "Safety words"),
/// kept as ONE translatable sentence: "Call {0} or go to the nearest emergency department now." Splitting it around
/// the link would let a translation reorder or drop half of it. The sentence is encoded; only the link is markup.
/// </summary>
internal static class EmergencyCall
{
    public static MarkupString Sentence(string template, string number)
    {
        var link = $"<a href=\"tel:{HtmlEncoder.Default.Encode(number)}\">{HtmlEncoder.Default.Encode(number)}</a>";
        return new MarkupString(string.Format(CultureInfo.InvariantCulture, HtmlEncoder.Default.Encode(template), link));
    }
}
