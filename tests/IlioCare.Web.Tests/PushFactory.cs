using IlioCare.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace IlioCare.Web.Tests;

/// <summary>
/// The app with a <see cref="LoopbackPushService"/> allowed as a push service (http on 127.0.0.1, test only) and its
/// reminder scheduler's own loop off: the tests run its rounds (<see cref="RunRemindersAsync"/>) at the instants they choose.
/// </summary>
public class PushFactory : IlioCareFactory
{
    public PushFactory()
    {
        Settings["Push:EndpointHosts:0"] = "127.0.0.1";
        Settings["Push:AllowHttp"] = "true";
        Settings["Reminders:Scheduler"] = "off";
    }

    public LoopbackPushService PushService { get; } = new();

    /// <summary>One round of this instance's scheduler, as its loop runs every 30 s; returns how many it sent.</summary>
    internal Task<int> RunRemindersAsync() => Services.GetRequiredService<ReminderScheduler>().RunOnceAsync(default);

    /// <summary>The pickup-mode mail to <paramref name="to"/> that contains <paramref name="words"/>, once the outbox's sender wrote it; null after 10 s.</summary>
    public async Task<string?> MailAsync(string to, string words)
    {
        var folder = Settings["Mail:PickupDirectory"]!;
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains("To: " + to, StringComparison.Ordinal) && text.Contains(words, StringComparison.Ordinal)) return text;
                }
            }
            await Task.Delay(100);
        }
        return null;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        PushService.Dispose();
        GC.SuppressFinalize(this);
    }
}
