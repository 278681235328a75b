using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IlioCare.Web.Hosting;

/// <summary>
/// A database that is down, restarting or full is a passing state of the service, not a bug (issue 7 fault runs,
/// H77, H78): answer 503 with <c>Retry-After</c> — problem details for the API, a plain "try again in a moment"
/// page for the pages — instead of a 500. Nothing of the exception reaches the client (no host names or SQL);
/// the log keeps it. Any other exception still goes to the ordinary error page.
/// </summary>
internal sealed partial class DatabaseUnavailable(IProblemDetailsService problems, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    /// <summary>PostgreSQL restarts in seconds; a full disk needs an operator, and a client asking again soon is cheap.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || context.Response.HasStarted) return false;
        // The middleware has already re-pointed the request at /error; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value ?? "";
        LogUnavailable(logger, exception, context.Request.Method, path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (IsApi(path, context.Request))
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable",
                Detail = $"The database cannot be reached or cannot store more just now. Try again in {RetryAfterSeconds} seconds; a PUT can be repeated safely.",
            };
            if (!await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
                await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken);
            return true;
        }
        // A page of its own, not a Blazor page: rendering one may itself need the database that just failed.
        await PlainPage.UnavailableAsync(context, cancellationToken);
        return true;
    }

    /// <summary>The API and anything that asked for JSON get problem details; browsers get the page.</summary>
    private static bool IsApi(string path, HttpRequest request) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The database is unreachable (PostgreSQL down or restarting: a connection-level Npgsql error, a transient
    /// server error, a timeout, EF's retries given up) or the SQLite file cannot take a write (disk full, I/O
    /// error, cannot open, still locked after the busy timeout). A constraint violation or a bad query is ours
    /// and stays a 500. EF's "retry limit exceeded" wraps the last failure, so the whole chain is looked at.
    /// </summary>
    internal static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.IsTransient:
                case NpgsqlException and not PostgresException:
                case TimeoutException:
                case SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError or SqliteCantOpen or SqliteBusy or SqliteLocked }:
                    return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable: answered 503 to {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    // SQLite result codes (https://sqlite.org/rescode.html); the primary code, not the extended one.
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;
}
