using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Session;

/// <summary>
/// The words js/player.js shows and announces, in the reader's language (issue 16). The script keeps its English
/// as the keys (so it still reads without this) and the page hands it this table as JSON in <c>data-words</c>;
/// "{0}" marks a number or a name the script fills in. The player's pacing never depends on these words.
/// </summary>
public sealed class PlayerWords
{
    /// <summary>Accents stay as they are: the table sits in an HTML attribute, which Razor encodes itself.</summary>
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private PlayerWords() { }

    public static string Json(IStringLocalizer<PlayerWords> L)
    {
        LocalizedString[] words =
        [
            L["Spot {0} of {1}: {2}"], L["Set {0} of {1}"], L["left side"], L["right side"], L["Your count"],
            L["Start"], L["Pause"], L["Resume"], L["All counted"], L["All done"], L["Skip the rest"],
            L["−1, take one off the count"], L["+1, add one to the count"], L["Slower"], L["Faster"],
            L["Get into the stretch"], L["Lift"], L["Hold"], L["Release"], L["Lower slowly"], L["Stroke"], L["Back"],
            L["Warm up"], L["Get ready"], L["Rest"], L["Next spot"], L["Change sides"],
            L["1 repetition"], L["{0} repetitions"], L["1 hold"], L["{0} holds"], L["1 stroke"], L["{0} strokes"],
            L["1 warm-up"], L["{0} warm-ups"], L["{0} counted"], L["{0} of {1}"], L["Pace: about {0} s each"],
            L["All counted. Choose your pain during the exercise and press Done."],
            L["Choose your pain before you start, then press Start."],
            L["Counted so far: {0} of {1}."], L["If you press Done now, it is saved as partly done."],
            L["Paused. Press Resume to go on."], L["Welcome back: your count was kept. Press Resume to go on."],
        ];
        // Only what differs from the script's own English: an English page sends an empty table.
        return JsonSerializer.Serialize(words.Where(w => w.Value != w.Name).ToDictionary(w => w.Name, w => w.Value), s_json);
    }
}
