using System.Data.Common;
using IlioCare.Data;
using IlioCare.Web.Features.Clinician;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>The caseload reads a fixed handful of queries whatever its size (issue 7 measures 1000 patients).</summary>
public sealed class CaseloadQueryCountTests(IlioCareFactory factory) : IClassFixture<IlioCareFactory>
{
    private sealed class Counter : DbCommandInterceptor
    {
        public int Reads;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // Queries only: the audit log's one row per patient shown (F15) is written, not read.
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Reads++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private async Task<int> ReadsForCaseloadAsync(string clinicianId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<IlioCareDbContext>>();
        var counter = new Counter();
        await using var db = new IlioCareDbContext(new DbContextOptionsBuilder<IlioCareDbContext>(options).AddInterceptors(counter).Options);
        var rows = await CaseloadHandler.LoadAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), clinicianId, factory.Clock, default);
        Assert.NotEmpty(rows);
        return counter.Reads;
    }

    [Fact]
    public async Task Caseload_MorePatients_SameNumberOfQueries()
    {
        var clinician = await Clinicians.CreateAsync(factory, "count-clinician@example.com", "Dr Count");
        async Task AddPatientAsync(int n)
        {
            var client = new FormClient(factory);
            var id = await CheckInPatients.OnboardAsync(factory, client, $"count-{n}@example.com");
            await CheckInPatients.CheckInAsync(client, CheckInPatients.Answers(painNow: n));
            await Clinicians.LinkAsync(factory, id, clinician);
        }
        await AddPatientAsync(1);
        var one = await ReadsForCaseloadAsync(clinician);
        for (var n = 2; n <= 6; n++) await AddPatientAsync(n);

        var six = await ReadsForCaseloadAsync(clinician);

        Assert.Equal(one, six);
        // 8 for the whole caseload (alerts and the order by need) + 1 for the stops on clinicians' own exercises + 7 for
        // the page's columns (issue 15: adherence, sport, day in phase); none of them per patient.
        Assert.True(six <= 16, $"{six} reads for a caseload");
    }
}
