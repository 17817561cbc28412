using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Activities
{
    internal static class ActivityNames
    {
        public const string Pointer = "activitypointer";
        public const string Party = "activityparty";
        public const string ActivityId = "activityid";
        public const string ActivityTypeCode = "activitytypecode";
        public const string PartyId = "partyid";
        public const string PartyPrimaryId = "activitypartyid";
        public const string ParticipationTypeMask = "participationtypemask";
        public const string RegardingObjectId = "regardingobjectid";
        public const string OwnerId = "ownerid";

        public static readonly IReadOnlyList<string> DefaultActivityTables = new[] { "email", "phonecall", "appointment", "task", "letter", "fax" };

        // The columns Dataverse shares across all activity tables on activitypointer. Custom columns cannot
        // be added to activitypointer, so asking the view for any other column is a query error, as there.
        public static readonly ISet<string> PointerColumns = new HashSet<string>(StringComparer.Ordinal)
        {
            "activityid", "activitytypecode", "activityadditionalparams", "actualdurationminutes", "actualend", "actualstart",
            "community", "createdby", "createdon", "createdonbehalfby", "deliverylastattemptedon", "deliveryprioritycode",
            "description", "exchangeitemid", "exchangerate", "exchangeweblink", "importsequencenumber", "instancetypecode",
            "isbilled", "ismapiprivate", "isregularactivity", "isworkflowcreated", "lastonholdtime", "leftvoicemail",
            "modifiedby", "modifiedon", "modifiedonbehalfby", "onholdtime", "overriddencreatedon", "ownerid",
            "owningbusinessunit", "owningteam", "owninguser", "postponeactivityprocessinguntil", "prioritycode",
            "processid", "regardingobjectid", "scheduleddurationminutes", "scheduledend", "scheduledstart",
            "senton", "seriesid", "serviceid", "sla", "slainvokedid", "sortdate", "stageid", "statecode", "statuscode",
            "subject", "timezoneruleversionnumber", "transactioncurrencyid", "traversedpath", "utcconversiontimezonecode",
            "versionnumber",
        };
    }
}
