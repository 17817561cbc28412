namespace LoyaltyHealth.Plugins.Schema
{
    public static class ActivityPartySchema
    {
        public const string EntityName = "activityparty";
        public const string ActivityId = "activityid";
        public const string PartyId = "partyid";
        public const string ParticipationTypeMask = "participationtypemask";

        /// <summary>participationtypemask of the row every activity has for what it regards.</summary>
        public const int Regarding = 8;

        /// <summary>participationtypemask of the row every activity has for its owner.</summary>
        public const int Owner = 9;
    }
}
