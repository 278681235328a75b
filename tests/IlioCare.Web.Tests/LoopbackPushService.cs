using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IlioCare.Web.Tests;

/// <summary>
/// A push service on loopback (issue 14): an HttpListener that takes what the app posts, as FCM or Mozilla's autopush
/// would, and answers 201 — or 410 for an endpoint under <c>/gone/</c>, as for a subscription the browser dropped.
/// </summary>
public sealed class LoopbackPushService : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackPushService()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<PushRequest> Received { get; } = new();

    public IReadOnlyList<PushRequest> To(string endpoint) => [.. Received.Where(r => r.Endpoint == endpoint)];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new PushRequest(Origin + context.Request.Url!.AbsolutePath, context.Request.HttpMethod, headers, body.ToArray()));
            context.Response.StatusCode = context.Request.Url.AbsolutePath.StartsWith("/gone/", StringComparison.Ordinal) ? 410 : 201;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}

public sealed record PushRequest(string Endpoint, string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// What a browser holds for one push subscription (RFC 8291): a P-256 key pair and a 16-byte auth secret. It checks
/// the VAPID signature (RFC 8292) and decrypts the aes128gcm body (RFC 8188) with System.Security.Cryptography only,
/// so the test does not trust the library that made the message.
/// </summary>
public sealed class BrowserSubscription : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public BrowserSubscription(string endpoint)
    {
        Endpoint = endpoint;
        var q = _key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
        AuthSecret = RandomNumberGenerator.GetBytes(16);
    }

    public string Endpoint { get; }
    public byte[] PublicKey { get; }
    public byte[] AuthSecret { get; }

    /// <summary>The body of <c>POST /api/v1/me/push-subscriptions</c>, as push-subscribe.js sends it.</summary>
    public string Json => JsonSerializer.Serialize(new { endpoint = Endpoint, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(AuthSecret) } });

    /// <summary>RFC 8292 §3: "vapid t=JWT, k=key". Checks the ES256 signature with k, aud, exp and sub; returns k and the claims.</summary>
    public static (string ServerKey, JsonElement Claims) CheckVapid(PushRequest request)
    {
        var authorization = request.Headers["Authorization"];
        Assert.StartsWith("vapid ", authorization, StringComparison.Ordinal);
        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var (jwt, k) = (parts["t"], parts["k"]);
        var segments = jwt.Split('.');
        Assert.Equal(3, segments.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[0])).RootElement;
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        var point = Base64Url.DecodeFromChars(k);
        Assert.Equal(65, point.Length);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]), Base64Url.DecodeFromChars(segments[2]), HashAlgorithmName.SHA256),
            "the VAPID JWT's ES256 signature does not verify with the key in k=");
        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1])).RootElement.Clone();
        // RFC 8292 §2: the push resource's origin. Lib.Net.Http.WebPush writes it as scheme://host, leaving out a port;
        // real push services are on 443 (the default, so the same origin), only this loopback service has a port.
        var endpoint = new Uri(request.Endpoint);
        Assert.Equal($"{endpoint.Scheme}://{endpoint.Host}", claims.GetProperty("aud").GetString());
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(exp, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24)); // RFC 8292 §2: at most 24 h ahead
        var sub = claims.GetProperty("sub").GetString()!;
        Assert.True(sub.StartsWith("mailto:", StringComparison.Ordinal) || sub.StartsWith("https:", StringComparison.Ordinal), sub);
        return (k, claims);
    }

    /// <summary>RFC 8291 §3.4 and RFC 8188 §2: one aes128gcm record, decrypted as the browser does.</summary>
    public string Decrypt(PushRequest request)
    {
        Assert.Equal("aes128gcm", request.Headers["Content-Encoding"]);
        var body = request.Body;
        var salt = body[..16];
        var recordSize = (body[16] << 24) | (body[17] << 16) | (body[18] << 8) | body[19];
        var idLength = body[20];
        Assert.Equal(65, idLength); // keyid = the server's ephemeral public key (as_public)
        var serverPublic = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        Assert.True(ciphertext.Length <= recordSize, "one record");

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverPublic[1..33], Y = serverPublic[33..] },
        });
        var ecdhSecret = _key.DeriveRawSecretAgreement(server.PublicKey);
        var prkKey = HKDF.Extract(HashAlgorithmName.SHA256, ecdhSecret, AuthSecret);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. serverPublic];
        var ikm = HKDF.Expand(HashAlgorithmName.SHA256, prkKey, 32, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plain = new byte[ciphertext.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);
        // RFC 8188 §2: the data, then the delimiter 2 (the last record), then zero padding.
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0) end--;
        Assert.Equal(2, plain[end]);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();
}
