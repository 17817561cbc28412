using System;
using System.Collections.Generic;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>
    /// The account's follow-up tasks among the rows <c>HealthQueries.ActivitiesWithParties</c> returns, in the shape
    /// <c>HealthQueries.FollowUps</c> reads them (id, reason, state): the joined read takes every follow-up task
    /// regarding the account whatever its date, so these are all of them.
    /// </summary>
    public static class FollowUpRows
    {
        public static List<Entity> From(Guid accountId, IEnumerable<Entity> activityRows)
        {
            var followUps = new List<Entity>();
            var seen = new HashSet<Guid>();
            foreach (var row in activityRows)
            {
                if (row.GetAttributeValue<string>(ActivitySchema.TypeCode) != TaskSchema.EntityName
                    || row.ReferenceTo(ActivitySchema.RegardingObjectId, AccountSchema.EntityName) != accountId
                    || row.Aliased<OptionSetValue>(TaskSchema.EntityName, ActivitySchema.FollowUpReason) is not { } reason
                    || !seen.Add(row.Id)) continue;
                followUps.Add(new Entity(TaskSchema.EntityName, row.Id)
                {
                    [ActivitySchema.FollowUpReason] = reason,
                    [ActivitySchema.StateCode] = row.GetAttributeValue<OptionSetValue>(ActivitySchema.StateCode),
                });
            }
            return followUps;
        }
    }
}
