using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory.Schema;

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

        // The columns of the activitypointer view, as a set for the per-row reads of the view.
        public static readonly ISet<string> PointerColumns = new HashSet<string>(StandardColumns.Activity, StringComparer.Ordinal);
    }
}
