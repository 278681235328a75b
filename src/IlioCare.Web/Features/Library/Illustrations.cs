using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Web.Features.Library;

/// <summary>Which of an exercise's two drawings (wwwroot/img/README.md: start and end position).</summary>
internal enum Position { Start, End }

/// <summary>
/// The original SVG drawings of an exercise and their alt text. The alt text is each file's own
/// <c>&lt;title&gt;</c> (wwwroot/img/README.md: "Use the &lt;title&gt; text as the alt text"), read from the file
/// once, so a redrawn picture never carries a stale description.
/// </summary>
internal static partial class Illustrations
{
    private static readonly ConcurrentDictionary<string, string> s_alt = new(StringComparer.Ordinal);

    public static string Src(ExerciseId id, Position position) =>
        $"/img/exercises/{WireName.Of(id)}-{(position == Position.Start ? "start" : "end")}.svg";

    public static string Alt(IWebHostEnvironment env, ExerciseId id, Position position) =>
        s_alt.GetOrAdd(Src(id, position), src =>
        {
            var file = env.WebRootFileProvider.GetFileInfo(src);
            if (!file.Exists)
                return $"{ExerciseCatalogue.Get(id).Name}, {(position == Position.Start ? "start" : "end")} position";
            using var reader = new StreamReader(file.CreateReadStream());
            var match = Title().Match(reader.ReadToEnd());
            return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : ExerciseCatalogue.Get(id).Name;
        });

    [GeneratedRegex("<title[^>]*>([^<]+)</title>")]
    private static partial Regex Title();
}
