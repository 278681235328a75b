using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IlioCare.Web.Hosting;

/// <summary>
/// How the files in wwwroot are cached (issue 7). Pages and API answers stay <c>no-store</c> (health data, see
/// <see cref="SecurityHeaders"/>); the files hold no personal data, so a browser may keep them. A file asked for
/// with <c>?v=</c> and its current content hash (<see cref="Versioned"/>) never changes under that address and is
/// kept for a year without asking again; any other request for a file is revalidated every time (ETag, a 304 with
/// no body), so a new deployment is never shown with last release's stylesheet or script (hazard H85).
/// </summary>
internal static class StaticAssets
{
    public const string VersionKey = "v";
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "public, no-cache";

    private static readonly ConcurrentDictionary<(string Path, DateTimeOffset Modified, long Length), string> s_hashes = new();

    /// <summary>The address of a wwwroot file with its content hash, e.g. <c>/site.css?v=3f2a…</c>; the bare path if the file is missing.</summary>
    public static string Versioned(IWebHostEnvironment env, string path)
    {
        path = "/" + path.TrimStart('/');
        var hash = HashOf(env.WebRootFileProvider, path);
        return hash is null ? path : $"{path}?{VersionKey}={hash}";
    }

    public static IApplicationBuilder UseIlioCareStaticFiles(this IApplicationBuilder app)
    {
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var request = context.Context.Request;
                // Only the current hash earns the long lifetime: an old page's address answered by a new file
                // (a deployment in between) must not be kept as if it were the old file.
                var current = HashOf(files, request.Path.Value ?? "");
                var asked = request.Query[VersionKey].ToString();
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = current is not null && asked == current ? Immutable : Revalidate;
                headers.Remove(HeaderNames.Pragma); // set for pages by SecurityHeaders; means no-cache to old caches
            },
        });
    }

    /// <summary>The first 16 hex digits of the file's SHA-256, computed once per file version.</summary>
    private static string? HashOf(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory) return null;
        return s_hashes.GetOrAdd((path, file.LastModified, file.Length), _ =>
        {
            using var stream = file.CreateReadStream();
            return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
        });
    }
}
