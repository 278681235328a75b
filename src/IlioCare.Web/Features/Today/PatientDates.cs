using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IlioCare.Web.Features.Today;

/// <summary>
/// A day as a person says it, in the reader's language (issue 16): "3 December 2026", "3 de diciembre de 2026".
/// The pattern itself is a resource, because word order differs; machine dates (URLs, forms) stay ISO.
/// </summary>
public sealed class PatientDates(IStringLocalizer<PatientDates> L)
{
    public string Of(DateOnly day) => day.ToString(L["d MMMM yyyy"], CultureInfo.CurrentCulture);
}
