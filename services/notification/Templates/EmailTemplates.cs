namespace Safeguard.Notification.Templates;

/// <summary>All templates by key, for the delivery worker.</summary>
public sealed class EmailTemplates(IEnumerable<IEmailTemplate> templates)
{
    private readonly Dictionary<string, IEmailTemplate> _byKey = templates.ToDictionary(t => t.Key);

    public IEmailTemplate Get(string key) =>
        _byKey.TryGetValue(key, out var template) ? template : throw new InvalidOperationException($"No e-mail template '{key}'.");
}

public static class EmailTemplateRegistration
{
    public static IServiceCollection AddEmailTemplates(this IServiceCollection services)
    {
        Add<CaseOpenedTemplate>(services);
        Add<AssessmentOverdueTemplate>(services);
        Add<TeamConvenedTemplate>(services);
        Add<TeamConveningHeldTemplate>(services);
        Add<PlanAdoptedTemplate>(services);
        Add<PlanRevisedTemplate>(services);
        Add<MeasureAssignedTemplate>(services);
        Add<MonitoringClockTemplate>(services);
        Add<ReferralSentTemplate>(services);
        Add<ReferralRevokedTemplate>(services);
        Add<ReferralChaseTemplate>(services);
        Add<ReferralUnansweredTemplate>(services);
        Add<ReintegrationClockTemplate>(services);
        Add<PreReleaseHandoverTemplate>(services);
        Add<SessionInvitationTemplate>(services);
        Add<AccountInvitationTemplate>(services);
        Add<TeamSeatInvitationTemplate>(services);
        services.AddSingleton<EmailTemplates>();
        return services;
    }

    private static void Add<TTemplate>(IServiceCollection services) where TTemplate : class, IEmailTemplate
    {
        services.AddSingleton<TTemplate>();
        services.AddSingleton<IEmailTemplate>(sp => sp.GetRequiredService<TTemplate>());
    }
}
