using IlioCare.Clinical.Contracts;

namespace IlioCare.Web.Features.Api;

/// <summary>A request body read by the strict validator: either the value, or the problem to answer (400/413/415).</summary>
internal readonly record struct JsonBody<T>(T? Value, IResult? Problem) where T : class;

/// <summary>
/// Reads an API body through <see cref="JsonContract"/> (SPEC §2): non-JSON → 415, too large → 413, and every bad
/// field → one 400 ValidationProblem naming each by its JSON path. Nothing is stored unless this returns a value.
/// </summary>
internal static class JsonBody
{
    /// <summary>The API's bodies are a few hundred bytes; anything near this is not one of them.</summary>
    public const int MaxBytes = 64 * 1024;

    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, Func<ObjectReader, T?> read, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType()) return new(null, ApiGroups.UnsupportedMediaType());
        if (request.ContentLength > MaxBytes) return new(null, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return new(null, TooLarge());
            buffer.Write(chunk, 0, n);
        }
        var result = JsonContract.Read(buffer.ToArray(), read);
        return result.Value is { } value
            ? new(value, null)
            : new(null, Invalid(result.ErrorsByField()));
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has bad fields", detail: "Every bad field is named in errors.");

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large");
}
