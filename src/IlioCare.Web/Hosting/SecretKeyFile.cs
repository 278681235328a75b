namespace IlioCare.Web.Hosting;

/// <summary>
/// A secret that must not live in the database (the audit key, the key that encrypts secrets at rest): from
/// configuration (base64, ≥ 32 bytes — what an operator with several instances sets, the same on every
/// instance), or else a key file made on first start with mode 0600, so the one-box SQLite default works with
/// no set-up.
/// </summary>
internal static class SecretKeyFile
{
    public static byte[] Load(string? configured, string keyFile, string contentRoot, string settingName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try { return Convert.FromBase64String(configured); }
            catch (FormatException) { throw new InvalidOperationException($"{settingName} must be base64 (e.g. `openssl rand -base64 32`)."); }
        }
        var path = Path.GetFullPath(Path.IsPathRooted(keyFile) ? keyFile : Path.Combine(contentRoot, keyFile));
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
