using System.Collections.Concurrent;
using System.Xml;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using Microsoft.Extensions.FileProviders;

namespace IlioCare.Web.Features.Today;

/// <summary>One of an exercise's two original drawings (start and end position) and its alt text.</summary>
public sealed record ExerciseFigure(string Src, string Alt);

/// <summary>
/// The start and end drawings of an exercise (wwwroot/img/exercises, F6). The alt text is the SVG's own
/// &lt;title&gt; (wwwroot/img/README.md), read once from the file so the page and the drawing never disagree.
/// </summary>
internal static class ExerciseFigures
{
    private static readonly ConcurrentDictionary<string, string> s_titles = new(StringComparer.Ordinal);

    public static IReadOnlyList<ExerciseFigure> Of(ExerciseId id, IFileProvider webRoot) =>
        [Figure(id, "start", webRoot), Figure(id, "end", webRoot)];

    private static ExerciseFigure Figure(ExerciseId id, string position, IFileProvider webRoot)
    {
        var path = $"img/exercises/{WireName.Of(id)}-{position}.svg";
        var alt = s_titles.GetOrAdd(path, p => TitleOf(webRoot.GetFileInfo(p)) ?? $"{ExerciseCatalogue.Get(id).Name}: {position} position");
        return new("/" + path, alt);
    }

    private static string? TitleOf(IFileInfo file)
    {
        if (!file.Exists) return null;
        using var stream = file.CreateReadStream();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return reader.ReadToFollowing("title", "http://www.w3.org/2000/svg") ? reader.ReadElementContentAsString().Trim() : null;
    }
}
