using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IlioCare.Clinical;

namespace IlioCare.Clinical.Contracts;

/// <summary>Writes contract outputs member by member, so the order and spelling are exactly SPEC's.</summary>
internal static class ContractWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        // Plain UTF-8 text for "×", "—" and quotes in reasons; output is JSON, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, s_options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static void WriteFindings(Utf8JsonWriter w, string name, IEnumerable<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("text", f.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
