using System.Security.Claims;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;
using IlioCare.Clinical.Program;
using IlioCare.Data;
using IlioCare.Web.Features.CheckIn;
using IlioCare.Web.Features.Offline;
using IlioCare.Web.Features.Program;
using IlioCare.Web.Features.Session;
using IlioCare.Web.Features.Today;
using Microsoft.EntityFrameworkCore;

namespace IlioCare.Web.Features.Api;

/// <summary>
/// The day's actions under <c>/api/v1/me</c> with the pages' handlers and rules: log an exercise of today's session
/// (<see cref="ExerciseLogHandler"/>, only when today's session can be done), pause and come back
/// (<see cref="PauseHandler"/>), and lift a warning-sign pause (<see cref="ResumeHandler"/>, F3's two conditions).
/// </summary>
internal static class ProgramDayEndpoints
{
    /// <summary>Far above any planned count (the largest is 3 sets × 25 × 2 sides); the plan's own limit is checked after.</summary>
    private const int MaxCount = 1000;

    internal sealed record LogInput(ExerciseId Exercise, ExerciseLogAnswers Answers);
    internal sealed record PauseInput(PauseReason Reason);
    internal sealed record ResumeInput(bool DoctorChecked);

    /// <summary>The exercise outcome's wire names: "done" or "pain-went-up", as the player's buttons.</summary>
    internal enum Outcome { Done, PainWentUp }

    public static IEndpointRouteBuilder MapProgramDayEndpoints(this IEndpointRouteBuilder app)
    {
        var me = ApiGroups.Me(app, "Program day");
        me.MapPost("/exercise-logs", LogAsync);
        me.MapPost("/pause", PauseAsync);
        me.MapDelete("/pause", EndPauseAsync);
        me.MapPost("/resume", ResumeAsync);
        return app;
    }

    internal static async Task<IResult> LogAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        var plan = await TodayPlanner.LoadAsync(db, accountId, clock, ct);
        if (plan.Status == TodayStatus.NotOnboarded) return CheckInEndpoints.NotOnboarded();
        var key = request.Headers[RequestKeys.Header].ToString() is { Length: > 0 } k ? k : null;
        if (!RequestKeys.IsValid(key)) return JsonBody.Invalid(RequestKeys.Header, RequestKeys.Invalid);
        var body = await JsonBody.ReadAsync(request, ReadLog, ct);
        if (body.Value is not { } input) return body.Problem!;
        if (!plan.CanExercise)
            return Conflict("Today's session cannot be done now", plan.Status switch
            {
                TodayStatus.PausedForWarningSign => "A warning sign paused the program: no exercise until a doctor has checked it.",
                TodayStatus.PausedByPatient => "Your program is paused; end the pause first.",
                TodayStatus.NoCheckIn => "Check in first: today's doses are set after the morning check-in.",
                TodayStatus.NotOnboarded or TodayStatus.Ready => "Today's session cannot be done now.",
            });
        if (plan.Item(input.Exercise) is not { } item)
            return JsonBody.Invalid("exercise", $"\"{WireName.Of(input.Exercise)}\" is not in today's session");
        if (input.Answers.DoneCount > SessionCount.Planned(item))
            return JsonBody.Invalid("doneCount", $"must be at most {SessionCount.Planned(item)}, today's planned count");
        var flare = await ExerciseLogHandler.SaveAsync(db, accountId, plan.Today, item, input.Answers, key, clock, ct);
        // flare: this stop was a second within 7 days and stepped the program back now (SPEC §4); GET /me/today shows the new plan.
        var state = await PatientProgram.StateOnAsync(db, accountId, plan.Today, ct);
        return TypedResults.Created("/api/v1/me/today", new
        {
            date = plan.Today, exercise = WireName.Of(input.Exercise), flare, phase = state is null ? null : WireName.Of(state.Phase),
        });
    }

    internal static async Task<IResult> PauseAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        if (await TodayOfAsync(db, accountId, clock, ct) is not { } today) return CheckInEndpoints.NotOnboarded();
        var body = await JsonBody.ReadAsync(request, o => o.RequiredEnum<PauseReason>("reason") is { } r ? new PauseInput(r) : null, ct);
        if (body.Value is not { } input) return body.Problem!;
        return await PauseHandler.StartAsync(db, accountId, today, input.Reason, clock, ct)
            ? TypedResults.NoContent()
            : Conflict("Already paused", "A pause covers today already.");
    }

    internal static async Task<IResult> EndPauseAsync(ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        if (await TodayOfAsync(db, accountId, clock, ct) is not { } today) return CheckInEndpoints.NotOnboarded();
        return await PauseHandler.EndAsync(db, accountId, today, clock, ct) ? TypedResults.NoContent() : Conflict("Not paused", "No pause covers today.");
    }

    /// <summary>F3: only with a new assessment without warning signs, and the patient's word that a doctor has checked.</summary>
    internal static async Task<IResult> ResumeAsync(HttpRequest request, ClaimsPrincipal user, IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var accountId = ApiGroups.AccountId(user);
        var history = await PatientHistory.LoadAsync(db, accountId, ct);
        if (history is null) return CheckInEndpoints.NotOnboarded();
        var body = await JsonBody.ReadAsync(request, ReadResume, ct);
        if (body.Value is null) return body.Problem!;
        var today = PatientToday.Date(clock, history.Profile.TimeZoneId);
        if (WarningSignPause.Find(history, today) is not { } pause)
            return Conflict("Not paused for a warning sign", "Only a warning-sign pause is lifted here; a holiday pause ends with DELETE /api/v1/me/pause.");
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.AccountId == accountId).ToListAsync(ct);
        if (pause.NewAssessmentWithoutSigns(assessments) is null)
            return Conflict("A new self-assessment is needed", "Take a new self-assessment first; it must show no warning signs.");
        await ResumeHandler.ResumeAsync(db, accountId, pause, today, clock, ct);
        return TypedResults.NoContent();
    }

    private static LogInput? ReadLog(ObjectReader o)
    {
        var exercise = o.RequiredEnum<ExerciseId>("exercise");
        var outcome = o.RequiredEnum<Outcome>("outcome");
        var before = o.RequiredInt("painBefore", 0, 10);
        var during = o.RequiredInt("painDuring", 0, 10);
        // Optional (issue 14): repetitions, holds or strokes really counted. Absent: the client did not count, and
        // "done" means the whole dose (README readings); fewer than planned is stored as partly done.
        var done = o.OptionalInt("doneCount", 0, MaxCount);
        if (o.HasErrors || exercise is null || outcome is null || before is null || during is null) return null;
        var answers = new ExerciseLogAnswers(before.Value, during.Value, outcome == Outcome.Done ? ExerciseOutcome.Done : ExerciseOutcome.PainWentUp) { DoneCount = done };
        return new(exercise.Value, answers);
    }

    private static ResumeInput? ReadResume(ObjectReader o)
    {
        var checkedByDoctor = o.RequiredBool("doctorChecked");
        if (checkedByDoctor == false) o.Error("doctorChecked", "must be true: resume only once a doctor has checked the warning sign");
        return checkedByDoctor == true ? new(true) : null;
    }

    private static async Task<DateOnly?> TodayOfAsync(IlioCareDbContext db, string accountId, TimeProvider clock, CancellationToken ct) =>
        await db.PatientProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId, ct) is { OnboardedAtUtc: not null } profile
            ? PatientToday.Date(clock, profile.TimeZoneId)
            : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
