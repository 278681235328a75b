using IlioCare.Data;
using IlioCare.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Big data sets for bench/growth.sh (issue 7): one patient with N days of history, or one clinician with N linked
// patients, written into a migrated IlioCare database on SQLite or PostgreSQL. Prints key=value lines
// (account ids, the clinician's authenticator key and an API token) for the script to use.
//   iliocare-seed --provider sqlite|postgres --connection "…" history --email E --password P --days N
//   iliocare-seed --provider sqlite|postgres --connection "…" caseload --email E --password P --patients N [--days 21]
//   iliocare-seed --provider sqlite|postgres --connection "…" caseload --clinician E --patients N [--days 21]
//     (the same patients, followed by a clinician who already exists: bench/load.sh's operator-made one)
var options = Args.Parse(args);
var services = new ServiceCollection();
services.AddLogging();
services.AddDbContext<IlioCareDbContext>(o => o.UseIlioCareDatabase(options.Provider, options.Connection));
services.AddIdentityCore<Account>(AccountRules.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<IlioCareDbContext>();
await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<IlioCareDbContext>();
var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
await db.Database.MigrateAsync();
db.ChangeTracker.AutoDetectChangesEnabled = false;

var today = DateOnly.FromDateTime(DateTime.UtcNow);
var started = System.Diagnostics.Stopwatch.StartNew();
var lines = options.Verb switch
{
    "history" => await HistorySeed.RunAsync(db, users, options.Email, options.Password, options.Int("days"), today),
    "caseload" when options.Named.TryGetValue("clinician", out var existing) =>
        await CaseloadSeed.FollowExistingAsync(db, users, existing, options.Int("patients"), options.Int("days", 21), today),
    "caseload" => await CaseloadSeed.RunAsync(db, users, options.Email, options.Password, options.Int("patients"), options.Int("days", 21), today),
    _ => throw new ArgumentException($"unknown verb '{options.Verb}' (history or caseload)"),
};
foreach (var line in lines) Console.WriteLine(line);
Console.WriteLine($"seconds={started.Elapsed.TotalSeconds:0.0}");
