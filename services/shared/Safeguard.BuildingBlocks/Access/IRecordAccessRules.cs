using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// A service's answer to "may this caller reach this record?" by institution, role and relationship
/// (her centre's case, her team's plan, her municipality's household). Used by the record guard on every
/// endpoint of a personal record and by the access-history query.
/// </summary>
public interface IRecordAccessRules
{
    /// <summary>The record types this service holds, e.g. "case".</summary>
    IReadOnlyCollection<string> RecordTypes { get; }

    /// <summary>False when the record does not exist or the caller has no rule that reaches it (both answer 404).</summary>
    Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken);
}
