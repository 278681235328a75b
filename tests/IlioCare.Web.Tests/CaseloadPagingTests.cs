using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// Issue 7: the caseload shows 50 patients a page, sorted by need over the whole caseload, and audits (F15) only the
/// patients on the page it showed — a caseload of 1,000 no longer writes 1,000 audit rows and a 680 KB page per view.
/// </summary>
public sealed class CaseloadPagingTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private const int Patients = CaseloadHandler.PageSize + 5;

    /// <summary>A clinician with 55 linked patients; every 7th in pain 7 today (an alert), so need and name both sort.</summary>
    private async Task<string> ClinicianWithPatientsAsync(string tag)
    {
        var clinician = await Clinicians.CreateAsync(factory, $"paging-{tag}@example.com", $"Dr Paging {tag}");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await factory.InDatabaseAsync(async db =>
        {
            for (var i = 0; i < Patients; i++)
            {
                var id = Guid.NewGuid().ToString();
                var email = $"paging-{tag}-{i}@example.com";
                db.Users.Add(new Account { Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Patient {i % 20}", CreatedAtUtc = now });
                db.PatientProfiles.Add(new PatientProfile { AccountId = id, AgeAtSignUp = 40, TermsAcceptedAtUtc = now, CreatedAtUtc = now, OnboardedAtUtc = now });
                db.CheckIns.Add(new CheckInRecord { AccountId = id, Date = today, PainMorning = 2, PainNow = i % 7 == 0 ? 7 : 2, CreatedAtUtc = now, UpdatedAtUtc = now });
                db.CareLinks.Add(new CareLink { PatientId = id, ClinicianId = clinician, LinkedAtUtc = now });
            }
            return await db.SaveChangesAsync();
        });
        return clinician;
    }

    private Task<CaseloadSlice> PageAsync(string clinician, int page, int size = CaseloadHandler.PageSize) =>
        factory.InDatabaseAsync(db => CaseloadHandler.LoadPageAsync(db, factory.Services.GetRequiredService<AuditTrail>(), clinician, page, size, factory.Clock, default));

    [Fact]
    public async Task Caseload_55Patients_TwoPagesInTheOrderOfTheWholeCaseload()
    {
        var clinician = await ClinicianWithPatientsAsync("order");
        var whole = await PageAsync(clinician, 1, size: 1000);
        var first = await PageAsync(clinician, 1);
        var second = await PageAsync(clinician, 2);

        Assert.Equal((CaseloadHandler.PageSize, 1, 2, Patients), (first.Rows.Count, first.Page, first.PageCount, first.Total));
        Assert.Equal((5, 2), (second.Rows.Count, second.Page));
        Assert.Equal(whole.Rows.Select(r => r.PatientId), first.Rows.Concat(second.Rows).Select(r => r.PatientId));
        Assert.All(first.Rows.Take(8), r => Assert.NotEmpty(r.Alerts)); // the 8 in pain 7 lead page 1
        Assert.Equal(2, (await PageAsync(clinician, 9)).Page);
    }

    [Fact]
    public async Task Caseload_OnePageViewed_AuditsOnlyThePatientsOnIt()
    {
        var clinician = await ClinicianWithPatientsAsync("audit");
        var page = await PageAsync(clinician, 2);

        var entries = await Clinicians.AuditAsync(factory, clinician, AuditAction.ReadCaseload);
        Assert.Equal(page.Rows.Select(r => Clinicians.Pseudonym(factory, r.PatientId)).Order(), entries.Select(e => e.Subject!).Order());
    }

    [Fact]
    public async Task CaseloadApi_PageTwo_RowsAndTotalAndLinks()
    {
        var clinician = await ClinicianWithPatientsAsync("api");
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, clinician)], "test"));
        async Task<(IResult Result, HttpResponse Response)> GetAsync(string? page)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var response = new DefaultHttpContext().Response;
            var result = await CaseloadApi.CaseloadAsync(page, user, response, scope.ServiceProvider.GetRequiredService<IlioCareDbContext>(),
                scope.ServiceProvider.GetRequiredService<AuditTrail>(), factory.Clock, default);
            return (result.Result, response);
        }

        var (second, headers) = await GetAsync("2");
        Assert.Equal(5, Assert.IsType<Ok<object[]>>(second).Value!.Length);
        Assert.Equal($"{Patients}", headers.Headers["X-Total-Count"].ToString());
        Assert.Equal("</api/v1/caseload?page=1>; rel=\"prev\"", headers.Headers.Link.ToString());
        var (first, firstHeaders) = await GetAsync(null);
        Assert.Equal(CaseloadHandler.PageSize, Assert.IsType<Ok<object[]>>(first).Value!.Length);
        Assert.Equal("</api/v1/caseload?page=2>; rel=\"next\"", firstHeaders.Headers.Link.ToString());
        Assert.IsType<ValidationProblem>((await GetAsync("x")).Result);
        Assert.IsType<ValidationProblem>((await GetAsync("0")).Result);
    }
}
