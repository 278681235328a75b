using System.Globalization;
using IlioCare.Clinical.Catalogue;
using IlioCare.Clinical.Contracts;

namespace IlioCare.Web.Features.Clinician;

/// <summary>The treatment form of the patient page, as posted (strings: bad input is named, never thrown).</summary>
public sealed class TreatmentForm
{
    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Notes { get; set; }

    public (TreatmentInput? Input, Dictionary<string, string> Errors) Check(DateOnly patientToday)
    {
        var errors = new Dictionary<string, string>();
        var dateOk = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!dateOk) errors["date"] = "must be a date (YYYY-MM-DD)";
        var kindOk = WireName.TryParse<TreatmentKind>(Kind, out var kind);
        if (!kindOk) errors["kind"] = "choose the kind of treatment";
        if (!dateOk || !kindOk)
        {
            if (Notes is { Length: > TreatmentHandler.NotesLength }) errors["notes"] = $"must be at most {TreatmentHandler.NotesLength} characters";
            return (null, errors);
        }
        var input = new TreatmentInput(date, kind, Notes);
        foreach (var (field, message) in TreatmentHandler.Check(input, patientToday)) errors[field] = message;
        return (errors.Count == 0 ? input : null, errors);
    }
}
