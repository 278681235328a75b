using IlioCare.Clinical.Assessment;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Ceiling;

/// <summary>
/// POST /api/v1/assessments — mirrors <c>AssessmentEndpoints.AssessAsync</c>
/// (src/IlioCare.Web/Features/Assessment/AssessmentEndpoints.cs). The app's API does no database work for this
/// endpoint (an API assessment is a stateless judgement, not stored: EF's command log shows no statement), so the
/// ceiling does none either: the same 64 KB body cap, the same strict contract reader, the same engine, the same
/// writer. What it skips is routing's endpoint metadata, the app's middleware (forwarded headers, compression
/// negotiation, security headers, status-code pages, static files, rate limiter, authentication — which runs for
/// every request, cookie or not — authorization, antiforgery) and the typed-results machinery.
/// </summary>
internal static class Assessment
{
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.HasJsonContentType() || request.ContentLength > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var input = JsonContract.Read(buffer.ToArray(), AssessmentContract.Read);
        if (input.Value is not { } valid)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(AssessmentContract.Write(Assessor.Assess(valid)), http.RequestAborted);
    }
}
