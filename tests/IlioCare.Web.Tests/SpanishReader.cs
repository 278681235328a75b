using System.Net.Http.Headers;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>
/// A signed-in reader who wants Spanish: the account's saved language outranks Accept-Language (a patient who signed up
/// in English keeps English), so the reader chooses Spanish in the footer, as a person would, and the browser asks too.
/// </summary>
internal static class SpanishReader
{
    public static async Task ChooseAsync(FormClient client, string page = "/")
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var chosen = await client.PostFormAsync(page, "", [F("language", "es"), F("returnUrl", page)], action: "/language");
        Assert.True((int)chosen.StatusCode is >= 200 and < 400, $"choosing Spanish answered {(int)chosen.StatusCode}");
    }
}
