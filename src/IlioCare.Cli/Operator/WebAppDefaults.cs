namespace IlioCare.Cli.Operator;

/// <summary>
/// The web app's own defaults, so that an operator command run from the repository root with no database options
/// works on the database the web app uses (issue 18): the app's <c>ConnectionStrings:IlioCare</c> default
/// <c>Data Source=data/iliocare.db</c> and its audit key file <c>data/audit.key</c>, both relative to the app's content
/// root, which <c>dotnet run --project src/IlioCare.Web</c> makes <c>src/IlioCare.Web</c>. The content root is
/// found from the current folder upwards: a folder holding <c>src/IlioCare.Web/IlioCare.Web.csproj</c> (the
/// repository) or <c>IlioCare.Web.csproj</c> (the web project itself). A deployed app has no project file: there the
/// operator names the database (options or the variables the instances read), as docs/operations.md shows.
/// </summary>
internal static class WebAppDefaults
{
    /// <summary>Both relative to the web app's content root, as in src/IlioCare.Web/appsettings.json and AuditSetup.</summary>
    public const string DatabaseFile = "data/iliocare.db";
    public const string AuditKeyFile = "data/audit.key";

    /// <summary>The web app's content root found from <paramref name="start"/> upwards, or null outside a checkout.</summary>
    public static string? FindContentRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var project = Path.Combine(folder.FullName, "src", "IlioCare.Web");
            if (File.Exists(Path.Combine(project, "IlioCare.Web.csproj"))) return project;
            if (File.Exists(Path.Combine(folder.FullName, "IlioCare.Web.csproj"))) return folder.FullName;
        }
        return null;
    }

    /// <summary>The web app's default SQLite connection, with the file made absolute; null outside a checkout.</summary>
    public static string? Connection(string start) =>
        FindContentRoot(start) is { } root ? $"Data Source={Path.GetFullPath(Path.Combine(root, DatabaseFile))}" : null;

    /// <summary>The web app's audit key file, when there is one to read.</summary>
    public static string? AuditKey(string start) =>
        FindContentRoot(start) is { } root && Path.GetFullPath(Path.Combine(root, AuditKeyFile)) is var file && File.Exists(file) ? file : null;
}
