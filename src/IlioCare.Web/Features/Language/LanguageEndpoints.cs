using IlioCare.Web.Features.Accounts;

namespace IlioCare.Web.Features.Language;

/// <summary>The footer's language switch (issue 16): a plain form post, so it works without JavaScript on every page.</summary>
internal static class LanguageEndpoints
{
    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        // The IFormCollection parameter makes the endpoint read a form, and so validate its antiforgery token: another
        // site cannot switch someone's language (or their account's) behind their back.
        app.MapPost("/language", async (IFormCollection form, HttpContext context) =>
        {
            if (LanguageChoice.Parse(form[LanguageChoice.Field]) is not { } language)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    [LanguageChoice.Field] = ["Choose English or Español."],
                }, title: "The language was not changed");
            await LanguageChoice.SaveAsync(context, language, context.RequestAborted);
            // Back to the page the person was reading; only a path of this site (an open redirect would hand them to
            // another one), else the home page.
            string? back = form["returnUrl"];
            return Results.LocalRedirect(SignInLanding.IsLocal(back) ? SignInLanding.HeaderSafe(back!) : "/");
        });
        return app;
    }
}
