using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IlioCare.Web.Tests;

/// <summary>Helpers for the REST API tests (F16): JSON bodies, tokens and clients that send them.</summary>
internal static class ApiClients
{
    /// <summary>A patient onboarded through the real pages, signed in (cookie) and with a personal access token (API).</summary>
    public static async Task<(FormClient Client, string Id, HttpClient Api)> OnboardedPatientAsync(IlioCareFactory factory, string email)
    {
        CheckInPatients.MoveToMorning(factory);
        var client = new FormClient(factory);
        var id = await CheckInPatients.OnboardAsync(factory, client, email);
        var (token, _) = await CreateTokenAsync(client);
        return (client, id, Bearer(factory, token));
    }

    /// <summary>The patient's today as the API writes dates (yyyy-MM-dd).</summary>
    public static string TodayIso(IlioCareFactory factory) =>
        CheckInPatients.Today(factory).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A client with no cookies that authenticates only by <c>Authorization: Bearer</c>.</summary>
    public static HttpClient Bearer(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Makes a token through the API with the signed-in client's cookie; returns the token and its id.</summary>
    public static async Task<(string Token, long Id)> CreateTokenAsync(FormClient signedIn, string name = "script", int days = 90)
    {
        var response = await signedIn.Http.PostAsync("/api/v1/me/tokens", Json($$"""{"name":"{{name}}","expiresInDays":{{days}}}"""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var doc = JsonDocument.Parse(body);
        return (doc.RootElement.GetProperty("token").GetString()!, doc.RootElement.GetProperty("details").GetProperty("id").GetInt64());
    }

    /// <summary>The <c>errors</c> member of a 400 ValidationProblem: field path → messages.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
