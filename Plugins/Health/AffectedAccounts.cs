using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>Which records a change touches through a lookup: the old value and the new one.</summary>
    public static class AffectedAccounts
    {
        /// <summary>
        /// The distinct, non-empty values of a lookup before and after a change: the pre-image gives
        /// the old value; the target the new one, or the pre-image again when the target leaves the
        /// lookup alone. On Delete only the pre-image exists.
        /// </summary>
        public static IReadOnlyList<EntityReference> LookupValues(string message, Entity? target, Entity? preImage, string column)
        {
            var values = new List<EntityReference?>();
            if (message != MessageNames.Create) values.Add(preImage?.GetAttributeValue<EntityReference>(column));
            if (message == MessageNames.Create || message == MessageNames.Update)
                values.Add(target is not null && target.Contains(column) ? target.GetAttributeValue<EntityReference>(column) : preImage?.GetAttributeValue<EntityReference>(column));
            return values
                .Where(v => v is not null && v.Id != Guid.Empty)
                .GroupBy(v => new { v!.LogicalName, v.Id })
                .Select(g => g.First()!)
                .ToList();
        }

        /// <summary>
        /// The account a regarding record belongs to: the account itself, a contact's parent account,
        /// or an opportunity's account. A record that no longer exists is traced and skipped.
        /// </summary>
        public static Guid? AccountOf(EntityReference regarding, IOrganizationService service, ITracingService trace)
        {
            switch (regarding.LogicalName)
            {
                case AccountSchema.EntityName:
                    return regarding.Id;
                case ContactSchema.EntityName:
                    return ParentAccount(service, trace, regarding, ContactSchema.ParentCustomerId);
                case OpportunitySchema.EntityName:
                    return ParentAccount(service, trace, regarding, OpportunitySchema.ParentAccountId);
                default:
                    new IgnoredInput(IgnoredInput.RegardingNotScored, regarding.Id, regarding.LogicalName).Trace(trace);
                    return null;
            }
        }

        private static Guid? ParentAccount(IOrganizationService service, ITracingService trace, EntityReference record, string column)
        {
            try
            {
                var row = service.Retrieve(record.LogicalName, record.Id, new ColumnSet(column));
                var parent = row.GetAttributeValue<EntityReference>(column);
                return parent?.LogicalName == AccountSchema.EntityName ? parent.Id : null;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.ObjectDoesNotExist)
            {
                new IgnoredInput(IgnoredInput.RecordGone, record.Id, record.LogicalName).Trace(trace);
                return null;
            }
        }
    }
}
