using System.Security.Claims;
using IlioCare.Data;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IlioCare.Web.Features.CustomExercises;

/// <summary>
/// <c>GET/POST /api/v1/exercises</c> (issue 15): the signed-in clinician's own library of exercises. Clinicians with a
/// second factor only; each sees and adds only their own (a patient, an admin or another clinician never reads it).
/// A patient's exercises go through <c>PUT /api/v1/patients/{id}/program</c> (<c>customExercises</c>).
/// </summary>
internal static class CustomExerciseApi
{
    public static IEndpointRouteBuilder MapCustomExerciseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exercises", LibraryAsync).WithTags("Clinician").RequireAuthorization(Policies.Clinician);
        // JSON bodies only: a cross-site form cannot send application/json, so no antiforgery token (as the other clinician endpoints).
        app.MapPost("/api/v1/exercises", AddAsync).WithTags("Clinician").RequireAuthorization(Policies.Clinician).DisableAntiforgery()
            .Accepts<CustomExerciseBody>("application/json").Produces<CustomExerciseView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static string Me(ClaimsPrincipal user) => ApiGroups.AccountId(user);

    internal static async Task<Ok<CustomExerciseView[]>> LibraryAsync(ClaimsPrincipal user, IlioCareDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await CustomExerciseStore.LibraryAsync(db, Me(user), ct)).Select(CustomExerciseView.Of).ToArray());

    internal static async Task<IResult> AddAsync(HttpRequest request, ClaimsPrincipal user,
        IlioCareDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, CustomExerciseContract.ReadDefinition, ct);
        if (body.Problem is { } problem) return problem;
        var row = await CustomExerciseStore.AddToLibraryAsync(db, Me(user), body.Value!, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Created("/api/v1/exercises", CustomExerciseView.Of(row));
    }
}
