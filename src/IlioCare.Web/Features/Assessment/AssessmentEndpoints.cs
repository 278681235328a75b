using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.Assessment;

/// <summary><c>POST /api/v1/assessments</c>: SPEC §3 JSON in and out, the same validator as the CLI (SPEC §2).</summary>
internal static class AssessmentEndpoints
{
    /// <summary>A questionnaire is a few hundred bytes; anything near this is not one.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Assessment");
        // No .Accepts(): routing would answer a bare 415; the handler answers one with problem details.
        api.MapPost("/assessments", AssessAsync)
            .DisableAntiforgery(); // JSON only and no cookie use: a cross-site form cannot send it.
        return app;
    }

    /// <summary>Not stored: an API assessment is a stateless judgement; the pages store theirs for sign-up.</summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> AssessAsync(HttpRequest request, Words.PatientWords words, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the assessment as JSON",
                detail: "The body must be a JSON object with Content-Type: application/json.");
        if (request.ContentLength > MaxBodyBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large");

        var body = await ReadBodyAsync(request, ct);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large");

        var input = JsonContract.Read(body, AssessmentContract.Read);
        if (input.Value is not { } valid)
            return TypedResults.ValidationProblem(input.ErrorsByField(), title: "The assessment has bad fields",
                detail: "Every bad field is named in errors.");

        var result = Assessor.Assess(valid);
        // The codes stay; the text follows Accept-Language (issue 16), English when none is asked for.
        result = result with { Reasons = words.ForApi(result.Reasons), Patterns = words.ForApi(result.Patterns) };
        return TypedResults.Content(AssessmentContract.Write(result), "application/json; charset=utf-8");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
