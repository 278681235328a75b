using System.Security.Claims;
using IlioCare.Clinical.Contracts;
using IlioCare.Web.Features.Api;
using IlioCare.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Accounts;

/// <summary>
/// Accounts over the API (issue 18), what a mobile client needs: sign up, confirm an address, reset a forgotten
/// password, and for the signed-in person a new password, a new address, the name and date of birth. The same
/// handlers and rules as the pages. Bodies are read strictly (SPEC §2): a 400 names every bad field.
/// </summary>
internal static class AccountApi
{
    /// <summary>The body of <c>POST /api/v1/accounts</c>; dateOfBirth is YYYY-MM-DD.</summary>
    internal sealed record SignUpRequest(string Email, string Password, string Name, DateOnly DateOfBirth, bool AcceptTerms);
    internal sealed record TokenRequest(string Token);
    internal sealed record ResetRequest(string Email);
    internal sealed record ResetConfirmRequest(string Token, string NewPassword);
    internal sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);
    internal sealed record EmailChangeRequest(string NewEmail, string CurrentPassword);
    /// <summary>dateOfBirth (YYYY-MM-DD) is required for patients, optional for staff.</summary>
    internal sealed record ProfileRequest(string Name, DateOnly? DateOfBirth);
    /// <summary>A 202's words: the same whatever happened, so they tell nothing about other people's accounts.</summary>
    internal sealed record Accepted(string Message);

    private const int MaxField = 1000; // longer than any real value: the rules below give the plain reason

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        // Anonymous, JSON only (a cross-site form cannot send JSON, so no antiforgery), limited per address like /sign-in.
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(AccountSetup.AuthPolicy);
        // The group's "" route would end in a slash: sign-up is mapped on its own with the same conventions.
        app.MapPost("/api/v1/accounts", SignUpAsync).WithTags("Accounts").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(AccountSetup.AuthPolicy).Accepts<SignUpRequest>("application/json")
            .Produces<Accepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        accounts.MapPost("/verify", VerifyAsync).Accepts<TokenRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        accounts.MapPost("/password-reset", ResetAsync).Accepts<ResetRequest>("application/json")
            .Produces<Accepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        accounts.MapPost("/password-reset/confirm", ConfirmResetAsync).Accepts<ResetConfirmRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var me = ApiGroups.Me(app, "Account");
        me.MapPost("/password", ChangePasswordAsync).Accepts<PasswordChangeRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPost("/email", ChangeEmailAsync).Accepts<EmailChangeRequest>("application/json")
            .Produces<Accepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapPut("/profile", ProfileAsync).Accepts<ProfileRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public const string SignUpAnswer = "Thank you. We have sent a mail to this address: follow it to confirm the address. If the address is new to IlioCare, your account is ready and you can sign in now.";
    public const string ResetAnswer = "If this address has an IlioCare account, we have sent it a link to choose a new password. The link works for 1 hour.";
    public const string EmailAnswer = "We have sent a link to the new address. Your address changes when you open it; until then, keep using the old one.";

    internal static async Task<IResult> SignUpAsync(HttpRequest request, AccountFlows flows, IStringLocalizer<SignUpForm> rules, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ReadSignUp, ct);
        if (body.Value is not { } form) return body.Problem!;
        if (Problem(form.Check(flows.Today, rules).ToList()) is { } bad) return bad;
        return Problem(await flows.SignUpAsync(form, ct)) ?? TypedResults.Accepted((string?)null, new Accepted(SignUpAnswer));
    }

    internal static async Task<IResult> VerifyAsync(HttpRequest request, AccountFlows flows, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r => r.RequiredString("token", LinkTokens.MaxLength) is { } t ? new TokenRequest(t) : null, ct);
        if (body.Value is not { } input) return body.Problem!;
        return Problem(await flows.VerifyAsync(input.Token, ct)) ?? TypedResults.NoContent();
    }

    internal static async Task<IResult> ResetAsync(HttpRequest request, AccountFlows flows, IStringLocalizer<SignUpForm> rules, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r => r.RequiredString("email", MaxField) is { } e ? new ResetRequest(e) : null, ct);
        if (body.Value is not { } input) return body.Problem!;
        if (PersonRules.CheckEmail(input.Email, rules) is { } bad) return JsonBody.Invalid("email", bad);
        await flows.RequestResetAsync(input.Email, ct);
        return TypedResults.Accepted((string?)null, new Accepted(ResetAnswer));
    }

    internal static async Task<IResult> ConfirmResetAsync(HttpRequest request, AccountFlows flows, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r =>
        {
            var token = r.RequiredString("token", LinkTokens.MaxLength);
            var password = r.RequiredString("newPassword", MaxField);
            return token is null || password is null ? null : new ResetConfirmRequest(token, password);
        }, ct);
        if (body.Value is not { } input) return body.Problem!;
        return Problem(await flows.ConfirmResetAsync(input.Token, input.NewPassword, ct)) ?? TypedResults.NoContent();
    }

    internal static async Task<IResult> ChangePasswordAsync(HttpRequest request, ClaimsPrincipal user, AccountFlows flows, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r =>
        {
            var current = r.RequiredString("currentPassword", MaxField);
            var password = r.RequiredString("newPassword", MaxField);
            return current is null || password is null ? null : new PasswordChangeRequest(current, password);
        }, ct);
        if (body.Value is not { } input) return body.Problem!;
        return Problem(await flows.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword, ct)) ?? TypedResults.NoContent();
    }

    internal static async Task<IResult> ChangeEmailAsync(HttpRequest request, ClaimsPrincipal user, AccountFlows flows, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r =>
        {
            var email = r.RequiredString("newEmail", MaxField);
            var current = r.RequiredString("currentPassword", MaxField);
            return email is null || current is null ? null : new EmailChangeRequest(email, current);
        }, ct);
        if (body.Value is not { } input) return body.Problem!;
        return Problem(await flows.ChangeEmailAsync(user, input.NewEmail, input.CurrentPassword, ct)) ?? TypedResults.Accepted((string?)null, new Accepted(EmailAnswer));
    }

    internal static async Task<IResult> ProfileAsync(HttpRequest request, ClaimsPrincipal user, AccountFlows flows, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, r =>
        {
            var name = r.RequiredString("name", MaxField);
            var born = r.OptionalString("dateOfBirth", MaxField);
            return name is null ? null : new ProfileText(name, born);
        }, ct);
        if (body.Value is not { } input) return body.Problem!;
        return Problem(await flows.UpdateProfileAsync(user, input.Name, input.DateOfBirth, ct)) ?? TypedResults.NoContent();
    }

    private sealed record ProfileText(string Name, string? DateOfBirth);

    /// <summary><c>{email, password, name, dateOfBirth, acceptTerms}</c>, strictly: types here, the rules in <see cref="SignUpForm.Check"/>.</summary>
    private static SignUpForm? ReadSignUp(ObjectReader r)
    {
        var email = r.RequiredString("email", MaxField);
        var password = r.RequiredString("password", MaxField);
        var name = r.RequiredString("name", MaxField);
        var born = r.RequiredString("dateOfBirth", MaxField);
        var terms = r.RequiredBool("acceptTerms");
        return email is null || password is null || name is null || born is null || terms is null ? null
            : new SignUpForm { Email = email, Password = password, Name = name, DateOfBirth = born, AcceptTerms = terms.Value };
    }

    private static IResult? Problem(IReadOnlyList<(string Field, string Message)> errors) =>
        errors.Count == 0 ? null
            : JsonBody.Invalid(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
