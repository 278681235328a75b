namespace IlioCare.Web.Hosting;

/// <summary>
/// A request whose <c>Host</c> header makes no address (empty, a port above 65535, a name longer than a URI allows)
/// is a 400 before anything reads it. Kestrel lets such headers through, and Blazor builds the page's base address
/// from them: the fuzz run of issue 13 (forged <c>Host</c> headers) got 500s from every page. The app's own links never
/// come from this header (<see cref="PublicAddress"/>); this only turns a crash into a refusal.
/// </summary>
internal static class HostGuard
{
    public static IApplicationBuilder UseHostGuard(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/", UriKind.Absolute, out var uri)
            && uri.Port is > 0 and <= 65535)
            return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Bad Host header.");
    });
}
