using Microsoft.AspNetCore.Mvc;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>401/403 for the API as RFC 7807 problem details (SPEC §2): a script gets a status, not a sign-in page.</summary>
internal static class ApiProblems
{

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
