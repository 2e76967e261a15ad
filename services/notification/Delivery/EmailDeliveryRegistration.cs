using Safeguard.BuildingBlocks.Gauges;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Notification.Delivery;

public static class EmailDeliveryRegistration
{
    public static IHostApplicationBuilder AddEmailDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        var smtp = builder.Configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        builder.RequireEncrypted("smtp", smtp.TlsWeakness);
        builder.Services.Configure<Notifications.DeliveryPolicy>(builder.Configuration.GetSection("Delivery"));
        builder.Services.AddSingleton(WorkspaceAddress.From(builder.Configuration));
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHostedService<NotificationDeliveryWorker>();
        builder.Services.AddGaugeSource<NotificationGauges>();
        return builder;
    }
}
