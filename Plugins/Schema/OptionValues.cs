namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>
    /// Values of the solution's global choices (OptionSets/*.xml). They start at the publisher's
    /// option value prefix so they never collide with Microsoft's.
    /// </summary>
    public static class OptionValues
    {
        public const int CadenceWeekly = 100000000;
        public const int CadenceMonthly = 100000001;
        public const int CadenceQuarterly = 100000002;
        public const int CadenceHalfYearly = 100000003;
        public const int CadenceYearly = 100000004;

        public const int ChannelInPerson = 100000000;
        public const int ChannelVideo = 100000001;
        public const int ChannelPhone = 100000002;

        public const int BandNotEnoughData = 100000000;
        public const int BandHealthy = 100000001;
        public const int BandWatch = 100000002;
        public const int BandAtRisk = 100000003;

        public const int TrendImproving = 100000000;
        public const int TrendStable = 100000001;
        public const int TrendDeclining = 100000002;

        public const int ClassNeutral = 100000000;
        public const int ClassValue = 100000001;
        public const int ClassService = 100000002;
        public const int ClassPerk = 100000003;

        public const int PerkKindGift = 100000000;
        public const int PerkKindHospitality = 100000001;
        public const int PerkKindMeal = 100000002;
        public const int PerkKindEventTickets = 100000003;
        public const int PerkKindMerchandise = 100000004;

        public const int FollowUpAtRisk = 100000000;
        public const int FollowUpPerkDependent = 100000001;

        /// <summary>Global choice names, as in the solution.</summary>
        public const string CadenceOptionSet = "loy_servicecadence";
        public const string ChannelOptionSet = "loy_channel";
        public const string BandOptionSet = "loy_healthband";
        public const string TrendOptionSet = "loy_healthtrend";
        public const string ClassOptionSet = "loy_interactionclass";
        public const string PerkKindOptionSet = "loy_perkkind";
        public const string FollowUpReasonOptionSet = "loy_followupreason";
    }
}
