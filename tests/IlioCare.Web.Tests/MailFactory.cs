namespace IlioCare.Web.Tests;

/// <summary>The app in smtp mode, sending to a <see cref="TestSmtpServer"/> started with it (issue 18).</summary>
public class MailFactory : IlioCareFactory
{
    public MailFactory()
    {
        Smtp.Start();
        Settings["Mail:Mode"] = "smtp";
        Settings["Mail:Smtp:Host"] = "127.0.0.1";
        Settings["Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:Smtp:Security"] = "none";
        Settings["Mail:From"] = "IlioCare <no-reply@iliocare.test>";
        Settings["App:PublicUrl"] = "http://localhost/";
    }

    public TestSmtpServer Smtp { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
