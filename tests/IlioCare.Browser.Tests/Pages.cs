using Microsoft.Playwright;

namespace IlioCare.Browser.Tests;

// Page objects: what a person sees and does on each page, found by role and accessible name
// (STYLE.md habit 9), so a test breaks when the page stops being usable, not when markup moves.

/// <summary>A 0–10 pain scale (PainScale): a group named by its legend, one radio per score, tapped.</summary>
public sealed class PainScaleControl(IPage page, string legend)
{
    public ILocator Group => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    /// <summary>The radio of one score; 0, 5 and 10 also carry their words ("0 no pain"), so the name starts with the number.</summary>
    public ILocator Score(int score) => Group.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^{score}\\b") });

    public Task ChooseAsync(int score) => Score(score).CheckAsync();
}

public sealed class AssessmentPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/assessment");

    public async Task AnswerAsync(int age, string side, int days, int painNow, int painWorst)
    {
        await page.GetByLabel("How old are you?").FillAsync(age.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Group("Which side hurts?").GetByRole(AriaRole.Radio, new() { Name = side, Exact = true }).CheckAsync();
        await page.GetByLabel("For how many days has it hurt?").FillAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await new PainScaleControl(page, "Pain right now").ChooseAsync(painNow);
        await new PainScaleControl(page, "Worst pain in the last 24 hours").ChooseAsync(painWorst);
    }

    public Task TickAsync(string group, string choice) =>
        Group(group).GetByRole(AriaRole.Checkbox, new() { Name = choice, Exact = true }).CheckAsync();

    public Task TickWarningSignAsync(string sign) => TickAsync("Do you have any of these? Tick all that apply.", sign);

    public Task NoWarningSignsAsync() => TickWarningSignAsync("None of these");

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "See my result" }).ClickAsync();

    private ILocator Group(string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });
}

public sealed class ResultPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator EmergencyNumber(string number) => page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });
    public ILocator StartProgram => page.GetByRole(AriaRole.Link, new() { Name = "Start the program" });
    public ILocator UnderSixteenNotice => page.GetByText("Show this result to a parent or carer now");
}

public sealed class SignUpPage(IPage page)
{
    /// <summary>
    /// Fills the form and creates the account, then signs in on the sign-in page it leads to (issue 18: sign-up answers
    /// the same for every address, so it does not sign in by itself); a new patient lands on onboarding.
    /// </summary>
    public async Task SignUpAsync(string email, string password, string name = "Sam Rivers", string dateOfBirth = "1990-04-25")
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Name.FillAsync(name);
        await page.GetByLabel("Date of birth").FillAsync(dateOfBirth);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree to the terms" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await new SignInPage(page).SignInAsync(email, password);
    }

    public ILocator Name => page.GetByLabel("Your name");
}

public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    public ILocator ForgotPassword => page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" });
}

public sealed class OnboardingPage(IPage page)
{
    public async Task CompleteAsync(int weeklyMinutes, string timeZone, string sessionTime)
    {
        await page.GetByLabel("Minutes of sport a week before the pain began").FillAsync(weeklyMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Your time zone").SelectOptionAsync(timeZone);
        await page.GetByLabel("Time of your daily exercises").FillAsync(sessionTime);
        foreach (var group in await page.GetByRole(AriaRole.Group).Filter(new() { Has = page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }) }).AllAsync())
        {
            if (await group.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CountAsync() == 1)
                await group.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Start my program" }).ClickAsync();
    }
}
