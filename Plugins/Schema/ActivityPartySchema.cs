namespace LoyaltyHealth.Plugins.Schema
{
    public static class ActivityPartySchema
    {
        public const string EntityName = "activityparty";
        public const string ActivityId = "activityid";
        public const string PartyId = "partyid";
        public const string ParticipationTypeMask = "participationtypemask";
    }
}
