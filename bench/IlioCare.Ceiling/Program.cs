// The raw ceiling of the load benchmark (issue 7, bench/load.sh): the same database work as five of the app's
// endpoints, through plain Npgsql / Microsoft.Data.Sqlite on Kestrel with nothing else in the pipeline (no auth,
// no antiforgery, no EF, no Razor). Each endpoint's statements live in one file (CheckInPost.cs, Today.cs,
// Progress.cs, Caseload.cs, Assessment.cs; the shared history in History.cs), copied from EF's command log so they can be
// re-captured when the app's queries change.
// Usage: IlioCare.Ceiling --provider sqlite|postgres --connection "<connection string>" --urls http://127.0.0.1:<port>
//        [--patient demo@iliocare.local] [--bytes-today N] [--bytes-progress N] [--bytes-check-in N]
//        [--clinician E --audit-key BASE64 --bytes-caseload N]   (GET /clinician: that clinician's caseload, audited with the app's key)
using IlioCare.Ceiling;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var config = builder.Configuration;
await using var sql = new Sql(config["provider"] ?? "sqlite", config["connection"] ?? throw new InvalidOperationException("--connection is required"));
var patient = await Patient.FindAsync(sql, config["patient"] ?? "demo@iliocare.local");
int Bytes(string key) => config.GetValue(key, 0);
var clinician = await Clinician.FindAsync(sql, config["clinician"]);
var auditKey = Convert.FromBase64String(config["audit-key"] ?? "");

var app = builder.Build();
app.MapGet("/", () => "ceiling");
app.MapPost("/check-in", http => CheckInPost.HandleAsync(http, sql, patient, Bytes("bytes-check-in")));
app.MapGet("/today", http => Today.HandleAsync(http, sql, patient, Bytes("bytes-today")));
app.MapGet("/progress", http => Progress.HandleAsync(http, sql, patient, Bytes("bytes-progress")));
if (clinician is not null) app.MapGet("/clinician", http => Caseload.HandleAsync(http, sql, clinician, auditKey, Bytes("bytes-caseload")));
app.MapPost("/api/v1/assessments", Assessment.HandleAsync);
await app.RunAsync();
