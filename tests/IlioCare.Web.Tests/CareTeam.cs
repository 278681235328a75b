using System.Text.RegularExpressions;
using IlioCare.Data;
using Microsoft.EntityFrameworkCore;
using static IlioCare.Web.Tests.FormClient;

namespace IlioCare.Web.Tests;

/// <summary>The invite → redeem journey through the real pages (F13), for tests that need a linked pair.</summary>
public static partial class CareTeam
{
    public const string InvalidCodeMessage = "That code does not work";

    /// <summary>A patient signed up and onboarded; returns the client and the account id.</summary>
    public static async Task<(FormClient Client, string Id)> PatientAsync(IlioCareFactory factory, string email)
    {
        var client = new FormClient(factory);
        await Patients.OnboardAsync(client, email);
        await Patients.ConfirmEmailAsync(factory, email); // linking a clinician needs a confirmed address (issue 18)
        return (client, await factory.InDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
    }

    /// <summary>The patient makes a code on /care; returns it as shown (XXXX-XXXX).</summary>
    public static async Task<string> MakeCodeAsync(FormClient patient)
    {
        var html = await (await patient.PostFormAsync("/care", "make-invite", [])).Content.ReadAsStringAsync();
        var code = Code().Match(html);
        Assert.True(code.Success, "no invite code on /care after making one");
        return code.Groups[1].Value;
    }

    /// <summary>The clinician enters a code on /clinician/link; returns the page.</summary>
    public static async Task<string> RedeemAsync(FormClient clinician, string code) =>
        System.Net.WebUtility.HtmlDecode(await (await clinician.PostFormAsync("/clinician/link", "redeem-invite", [F("Form.Code", code)])).Content.ReadAsStringAsync());

    /// <summary>Patient makes a code, clinician redeems it: they are linked.</summary>
    public static async Task LinkAsync(FormClient patient, FormClient clinician)
    {
        var page = await RedeemAsync(clinician, await MakeCodeAsync(patient));
        Assert.Contains("You now follow", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"invite-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<")]
    private static partial Regex Code();
}
