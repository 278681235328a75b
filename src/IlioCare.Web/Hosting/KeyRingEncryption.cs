using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IlioCare.Web.Hosting;

/// <summary>
/// Encrypts each data-protection master key before it is written to <c>DataProtectionKeys</c> (issue 13
/// finding 1: a clear key ring in a database copy let anyone forge any login cookie). The framework calls
/// this for every element it marks <c>requiresEncryption</c>, and records <see cref="KeyRingDecryptor"/> by
/// name beside the ciphertext.
/// </summary>
internal sealed class KeyRingEncryptor(AtRestKey key) : IXmlEncryptor
{
    public const string Purpose = "dataprotection-key-ring";
    public static readonly XName Element = XName.Get("encryptedKey", "urn:iliocare:at-rest");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(Element, key.Encrypt(Purpose, plaintextElement.ToString(SaveOptions.DisableFormatting))), typeof(KeyRingDecryptor));
}

/// <summary>
/// Decrypts what <see cref="KeyRingEncryptor"/> wrote. The framework makes it by its type name with the app's
/// services (the IServiceProvider constructor); without the at-rest key registered — a copy of the rows and the
/// app's binaries, but not the key — it cannot be made, and no cookie can be forged.
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly AtRestKey _key = services.GetService(typeof(AtRestKey)) as AtRestKey
        ?? throw new InvalidOperationException("The key ring is encrypted and DataProtection:Key is not available.");

    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(_key.Decrypt(KeyRingEncryptor.Purpose, encryptedElement.Value));
}
