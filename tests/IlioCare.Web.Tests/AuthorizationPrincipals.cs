using IlioCare.Data;
using IlioCare.Web.Features.AccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>Who asks, in the authorization matrix (issue 6: every endpoint × these six).</summary>
public enum Principal { Anonymous, Owner, OtherPatient, LinkedClinician, UnlinkedClinician, Admin }

/// <summary>
/// The six principals of the authorization matrix on one factory. Patients sign up and onboard through the real
/// forms (cookie). Staff are made with <see cref="StaffAccounts"/> and, until the two-factor sign-in helper lands,
/// act through a personal access token, which the policies count as a second factor (Policies.HasSecondFactor).
/// </summary>
internal sealed class AuthorizationPrincipals
{
    private readonly Dictionary<Principal, HttpClient> _clients = [];

    public required string OwnerId { get; init; }
    public required DateOnly OwnerToday { get; init; }
    public required Guid OwnerAssessmentId { get; init; }
    public required long OwnerTokenId { get; init; }

    public HttpClient this[Principal who] => _clients[who];

    public static async Task<AuthorizationPrincipals> CreateAsync(IlioCareFactory factory)
    {
        CheckInPatients.MoveToMorning(factory);
        var owner = new FormClient(factory);
        var ownerId = await CheckInPatients.OnboardAsync(factory, owner, "matrix-owner@example.com");
        await CheckInPatients.CheckInAsync(owner, CheckInPatients.Answers());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.GetAsync("/reminders")).StatusCode); // makes the calendar feed's token
        var (_, ownerTokenId) = await ApiClients.CreateTokenAsync(owner, "owner's script");
        var other = new FormClient(factory);
        await CheckInPatients.OnboardAsync(factory, other, "matrix-other@example.com");

        var linked = await StaffTokenAsync(factory, "matrix-linked@example.com", Roles.Clinician);
        var unlinked = await StaffTokenAsync(factory, "matrix-unlinked@example.com", Roles.Clinician);
        var admin = await StaffTokenAsync(factory, "matrix-admin@example.com", Roles.Admin);
        await factory.InDatabaseAsync(async db =>
        {
            db.CareLinks.Add(new CareLink { PatientId = ownerId, ClinicianId = linked.Id, LinkedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        var principals = new AuthorizationPrincipals
        {
            OwnerId = ownerId,
            OwnerToday = CheckInPatients.Today(factory),
            OwnerAssessmentId = await factory.InDatabaseAsync(db => db.Assessments.Where(a => a.AccountId == ownerId).Select(a => a.Id).FirstAsync()),
            OwnerTokenId = ownerTokenId,
        };
        principals._clients[Principal.Anonymous] = new FormClient(factory).Http;
        principals._clients[Principal.Owner] = owner.Http;
        principals._clients[Principal.OtherPatient] = other.Http;
        principals._clients[Principal.LinkedClinician] = ApiClients.Bearer(factory, linked.Token);
        principals._clients[Principal.UnlinkedClinician] = ApiClients.Bearer(factory, unlinked.Token);
        principals._clients[Principal.Admin] = ApiClients.Bearer(factory, admin.Token);
        return principals;
    }

    private static async Task<(string Id, string Token)> StaffTokenAsync(IlioCareFactory factory, string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var created = await StaffAccounts.CreateAsync(users, email, email.Split('@')[0], Patients.Password, role, factory.Clock.GetUtcNow().UtcDateTime);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var account = await users.FindByEmailAsync(email);
        var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
        var token = await AccessTokenHandler.CreateAsync(db, account!.Id, "matrix", TokenLifetime.Days30, factory.Clock.GetUtcNow().UtcDateTime, default);
        return (account.Id, token.Token);
    }
}
