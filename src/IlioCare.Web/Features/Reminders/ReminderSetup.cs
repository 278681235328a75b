using IlioCare.Web.Features.Reminders.Push;

namespace IlioCare.Web.Features.Reminders;

/// <summary>Web Push, its keys and the reminder scheduler (issue 14).</summary>
internal static class ReminderSetup
{
    public static void AddIlioCareReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().Bind(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddSingleton<VapidKeys>();
        // No redirects: a push endpoint that answers with one must not lead the server somewhere else (H201).
        builder.Services.AddHttpClient(PushDelivery.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<PushDelivery>();
        builder.Services.AddSingleton<ReminderScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
    }
}
