using MassTransit;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>Learns each case's centre and consent basis as risk-assessment opens it (<see cref="KnownCase"/>).</summary>
public sealed class CaseOpenedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<CaseOpened, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(CaseOpened message, ConsumeContext<CaseOpened> context, CancellationToken cancellationToken)
    {
        if (await Db.KnownCases.FindAsync([message.CaseId], cancellationToken) is null)
        {
            Db.KnownCases.Add(KnownCase.Of(message.CaseId, message.CaseReference, message.CentreCode, message.ProtectionWithoutConsent, message.OccurredAt,
                message.LearnedAt, message.AssessmentDueAt));
        }
    }
}
