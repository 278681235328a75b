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
/// forms (cookie); staff through <see cref="Staff"/>: made by the operator's helper, then signed in with two-factor.
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

        var linked = await Staff.SignInClinicianAsync(factory, "matrix-linked@example.com");
        var unlinked = await Staff.SignInClinicianAsync(factory, "matrix-unlinked@example.com", "Dr Uno Linked");
        var admin = await Staff.SignInAdminAsync(factory, "matrix-admin@example.com");
        await factory.InDatabaseAsync(async db =>
        {
            db.CareLinks.Add(new CareLink { PatientId = ownerId, ClinicianId = linked.AccountId, LinkedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
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
        principals._clients[Principal.LinkedClinician] = linked.Http;
        principals._clients[Principal.UnlinkedClinician] = unlinked.Http;
        principals._clients[Principal.Admin] = admin.Http;
        return principals;
    }
}
