using Microsoft.AspNetCore.Mvc;

namespace IlioCare.Web.Features.AccessTokens;

/// <summary>401/403 for the API as RFC 7807 problem details (SPEC §2): a script gets a status, not a sign-in page.</summary>
internal static class ApiProblems
{

    /// <summary>
    /// A cookie or token of an account deleted since (issue 13 finding 6): a write that names it fails its foreign
    /// key; the answer is 401, as for no session at all, never 500.
    /// </summary>
    public static IResult AccountGone() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "This account no longer exists", detail: "The account was deleted. Sign in with another account.");

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (!await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
