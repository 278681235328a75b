using System.Text;
using System.Text.Json;

namespace IlioCare.Clinical.Contracts;

/// <summary>
/// The one validator behind the CLI and the API (SPEC §2). It walks a <see cref="JsonDocument"/> and
/// collects every error with its path instead of stopping at the first, as System.Text.Json would.
/// </summary>
public static class JsonContract
{
    /// <summary>Requests are small; deeper nesting than this is an attack or a bug (SPEC §2: never crash).</summary>
    private const int MaxDepth = 16;

    /// <summary>
    /// Parses <paramref name="json"/> and hands its root object to <paramref name="read"/>; malformed JSON
    /// or a body that is not an object is one error at <c>$</c>.
    /// </summary>
    public static ContractResult<T> Read<T>(string json, Func<ObjectReader, T?> read) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
            return ContractResult<T>.Fail([new("$", "the body is empty; a JSON object is required")]);
        var errors = new List<FieldError>();
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return ContractResult<T>.Fail([new("$", $"the body must be a JSON object, not {Describe(doc.RootElement)}")]);
            var reader = new ObjectReader(doc.RootElement, "", errors);
            var value = read(reader);
            reader.Finish();
            return errors.Count == 0 && value is not null ? ContractResult<T>.Ok(value) : ContractResult<T>.Fail(errors);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            return ContractResult<T>.Fail([new("$", $"malformed JSON{where}")]);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json accepts an escaped lone surrogate ("\ud800") while parsing and throws when
            // the string is read: it is not text, so the body is malformed.
            return ContractResult<T>.Fail([new("$", "malformed JSON: a string holds an invalid Unicode escape (a lone surrogate)")]);
        }
    }

    /// <inheritdoc cref="Read{T}(string, Func{ObjectReader, T})"/>
    public static ContractResult<T> Read<T>(ReadOnlySpan<byte> utf8Json, Func<ObjectReader, T?> read) where T : class
    {
        try
        {
            return Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8Json), read);
        }
        catch (DecoderFallbackException)
        {
            return ContractResult<T>.Fail([new("$", "the body is not valid UTF-8 text")]);
        }
    }

    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
    };
}
