using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// The authorization matrix (issue 6, F15): every endpoint the app maps — pages included, read from its own
/// <see cref="EndpointDataSource"/> — against the six principals, each cell the designed answer. A new endpoint
/// missing from <see cref="AuthorizationMatrix.Rows"/> fails the test, and so does a row for an endpoint the app
/// no longer has. Writes go with an empty body (JSON <c>{}</c> for the API, a form without an antiforgery token for
/// pages), so a 400 means "let through, then refused as bad input" and nothing is changed.
/// </summary>
public sealed class AuthorizationMatrixTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public void Matrix_ListsEveryEndpointTheAppMaps_AndNoOther()
    {
        var mapped = MappedEndpoints(factory).ToHashSet(StringComparer.Ordinal);
        var listed = AuthorizationMatrix.Rows.Keys.ToHashSet(StringComparer.Ordinal);
        var missing = mapped.Except(listed).Order(StringComparer.Ordinal).ToList();
        var stale = listed.Except(mapped).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints not in the matrix (add a row to AuthorizationMatrix.Rows): {string.Join(", ", missing)}\n" +
            $"Rows for endpoints the app does not map: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task Matrix_EveryCell_IsAsDesigned()
    {
        var principals = await AuthorizationPrincipals.CreateAsync(factory);
        var wrong = new List<string>();
        var actualTable = new StringBuilder();
        foreach (var endpoint in MappedEndpoints(factory).Order(StringComparer.Ordinal))
        {
            if (!AuthorizationMatrix.Rows.ContainsKey(endpoint)) wrong.Add($"{endpoint}: not in the matrix");
            var cells = new List<string>();
            foreach (var who in Enum.GetValues<Principal>())
            {
                var actual = await AskAsync(principals, who, endpoint);
                cells.Add(actual);
                if (AuthorizationMatrix.Rows.TryGetValue(endpoint, out var row) && row[who] != actual)
                    wrong.Add($"{endpoint} as {who}: expected {row[who]}, got {actual}");
            }
            actualTable.AppendLine(CultureInfo.InvariantCulture, $"[\"{endpoint}\"] = new({string.Join(", ", cells.Select(c => $"\"{c}\""))}),");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} cells differ:\n{string.Join("\n", wrong)}\n\nWhat the app answers now:\n{actualTable}");
    }

    /// <summary>"METHOD /pattern" for every route endpoint; a page answers GET and POST (its forms), each its own row.</summary>
    internal static IEnumerable<string> MappedEndpoints(IlioCareFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct();

    /// <summary>One request; the answer as the matrix writes it: "200", "404", or "302 /sign-in" for a redirect.</summary>
    private async Task<string> AskAsync(AuthorizationPrincipals principals, Principal who, string endpoint)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var (method, pattern) = (endpoint[..space], endpoint[(space + 1)..]);
        var path = await FillAsync(principals, pattern);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal) ? ApiClients.Json("{}") : new FormUrlEncodedContent([]);
        var response = await principals[who].SendAsync(request);
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)) return status;
        var location = FormClient.PathOf(response) ?? "";
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return $"{status} {(query < 0 ? location : location[..query])}";
    }

    /// <summary>Route values of the owner's data: today's date, their assessment, their token, their calendar feed.</summary>
    private async Task<string> FillAsync(AuthorizationPrincipals p, string pattern)
    {
        var feed = pattern.Contains("{token}", StringComparison.Ordinal)
            ? await factory.InDatabaseAsync(db => db.PatientProfiles.Where(x => x.AccountId == p.OwnerId).Select(x => x.CalendarFeedToken).SingleAsync()) ?? "none"
            : "";
        return pattern
            .Replace("{patientId}", p.OwnerId, StringComparison.OrdinalIgnoreCase)
            .Replace("{date}", p.OwnerToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{id:long}", p.OwnerTokenId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Id:guid}", p.OwnerAssessmentId.ToString(), StringComparison.Ordinal)
            .Replace("{Id}", "butterfly-stretch", StringComparison.Ordinal)
            .Replace("{ExerciseId}", "straight-leg-raise", StringComparison.Ordinal)
            .Replace("{CustomId:long}", "0", StringComparison.Ordinal)
            .Replace("{token}", feed, StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal);
    }
}
