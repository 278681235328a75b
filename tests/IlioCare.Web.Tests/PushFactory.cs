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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        PushService.Dispose();
        GC.SuppressFinalize(this);
    }
}
