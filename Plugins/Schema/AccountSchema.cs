namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>The account table: standard columns the product reads, and the loy_ columns of the solution.</summary>
    public static class AccountSchema
    {
        public const string EntityName = "account";
        public const string Id = "accountid";
        public const string Name = "name";
        public const string CreatedOn = "createdon";
        public const string ModifiedOn = "modifiedon";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        /// <summary>statecode Active; the product's account views and its daily refresh take these accounts only.</summary>
        public const int StateActive = 0;
        /// <summary>The row version: the post-image carries it so the guarded write can use the image.</summary>
        public const string VersionNumber = "versionnumber";

        // Inputs a seller maintains.
        public const string ServiceCadence = "loy_servicecadence";
        public const string PreferredChannel = "loy_preferredchannel";
        public const string CustomerGoals = "loy_customergoals";
        public const string GoalsReviewedOn = "loy_goalsreviewedon";
        public const string IsReference = "loy_isreference";

        // The assessment, written only by the recalculation.
        public const string UnderstandingScore = "loy_understandingscore";
        public const string FamiliarityScore = "loy_familiarityscore";
        public const string ServiceScore = "loy_servicescore";
        public const string OverallHealth = "loy_overallhealth";
        public const string HealthBand = "loy_healthband";
        public const string HealthTrend = "loy_healthtrend";
        public const string PerkDependent = "loy_perkdependent";
        public const string PerkShare = "loy_perkshare";
        public const string HealthReasons = "loy_healthreasons";
        public const string ReasonCodes = "loy_healthreasoncodes";
        public const string NextBestActions = "loy_nextbestactions";
        /// <summary>The next best actions as codes with parameters (JSON), rendered in the reader's language like the reason codes.</summary>
        public const string ActionCodes = "loy_nextbestactioncodes";
        public const string HealthScoredOn = "loy_healthscoredon";
        /// <summary>When the data behind the stored assessment was read; a recalculation triggered earlier has nothing to add.</summary>
        public const string HealthDataAsOf = "loy_healthdataasof";
        public const string TrendBaselineOn = "loy_trendbaselineon";
        public const string TrendBaselineHealth = "loy_trendbaselinehealth";
        public const string TrendCandidateOn = "loy_trendcandidateon";
        public const string TrendCandidateHealth = "loy_trendcandidatehealth";

        public static readonly string[] Inputs = { ServiceCadence, PreferredChannel, CustomerGoals, GoalsReviewedOn, IsReference };

        public static readonly string[] Computed =
        {
            UnderstandingScore, FamiliarityScore, ServiceScore, OverallHealth, HealthBand, HealthTrend, PerkDependent, PerkShare,
            HealthReasons, ReasonCodes, NextBestActions, ActionCodes, HealthScoredOn, HealthDataAsOf,
            TrendBaselineOn, TrendBaselineHealth, TrendCandidateOn, TrendCandidateHealth,
        };
    }
}
