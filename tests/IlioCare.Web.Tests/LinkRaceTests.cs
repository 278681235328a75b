using IlioCare.Clinical.Catalogue;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IlioCare.Web.Tests.CheckInPatients;

namespace IlioCare.Web.Tests;

/// <summary>
/// Hazard H67: a patient's unlink that commits while a clinician's write is under way leaves the clinician
/// nothing to write — the link is checked again inside the write's transaction, holding it (both providers).
/// </summary>
public sealed class LinkRaceTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    [Fact]
    public async Task UnlinkCommittingDuringATreatment_TheTreatmentFindsNoLink_AndNothingIsStored()
    {
        MoveToMorning(factory);
        var clinician = await Clinicians.CreateAsync(factory, "race-clinician@example.com", "Dr Race");
        var patient = await OnboardAsync(factory, new FormClient(factory), "race-patient@example.com");
        await Clinicians.LinkAsync(factory, patient, clinician);

        // The patient's unlink has written but not yet committed when the clinician's treatment starts.
        // On its own connection, as the patient's request would be (a bare EF transaction is refused on PostgreSQL).
        await using var unlinkScope = factory.Services.CreateAsyncScope();
        var connection = unlinkScope.ServiceProvider.GetRequiredService<IlioCareDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var unlink = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = unlink;
            command.CommandText = "UPDATE \"CareLinks\" SET \"EndedAtUtc\" = '2026-01-01 00:00:00' WHERE \"PatientId\" = @p AND \"ClinicianId\" = @c";
            foreach (var (name, value) in new[] { ("@p", patient), ("@c", clinician) })
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                command.Parameters.Add(parameter);
            }
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var treatment = Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
            return await TreatmentHandler.RecordAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), clinician, patient,
                new TreatmentInput(Today(factory), TreatmentKind.DryNeedling, "during the unlink"), factory.Clock, default);
        });
        await Task.Delay(500); // the treatment is now waiting on the unlink's lock
        await unlink.CommitAsync();

        Assert.Null(await treatment); // null: not linked (404)
        Assert.False(await factory.InDatabaseAsync(db => db.Treatments.AnyAsync(t => t.PatientId == patient)));
    }
}
