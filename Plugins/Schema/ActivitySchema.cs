namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>Columns every activity table shares, and the names of the activity tables (see <see cref="ActivityTables"/>).</summary>
    public static class ActivitySchema
    {
        public const string PointerEntityName = "activitypointer";
        public const string Id = "activityid";
        public const string TypeCode = "activitytypecode";
        public const string Subject = "subject";
        public const string RegardingObjectId = "regardingobjectid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string ActualEnd = "actualend";
        public const string ModifiedOn = "modifiedon";
        public const string ScheduledEnd = "scheduledend";
        public const string OwnerId = "ownerid";
        public const string Description = "description";
        /// <summary>Outgoing (true) or incoming (false); on email and phone call only.</summary>
        public const string DirectionCode = "directioncode";
        /// <summary>Value / service / perk / neutral as a user logged it; on every activity table of the product.</summary>
        public const string InteractionClass = "loy_interactionclass";
        /// <summary>In person / video / phone; on appointments and value reports.</summary>
        public const string Channel = "loy_channel";
        /// <summary>Marks the follow-up tasks the product creates, with the reason they exist.</summary>
        public const string FollowUpReason = "loy_followupreason";

        public const int StateOpen = 0;
        public const int StateCompleted = 1;
        public const int StateCanceled = 2;

        public const string Email = "email";
        public const string PhoneCall = "phonecall";
        public const string Appointment = "appointment";
        public const string Task = "task";
        public const string ValueReport = "loy_valuereport";
        public const string Perk = "loy_perk";

        /// <summary>What a change to an activity must touch to matter to an assessment.</summary>
        public static readonly string[] Relevant = { RegardingObjectId, StateCode, ActualEnd, ScheduledEnd, Subject, InteractionClass };
    }
}
