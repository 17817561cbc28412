namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>One row per change of an account's assessment: the history behind trends and charts.</summary>
    public static class HealthAssessmentSchema
    {
        public const string EntityName = "loy_healthassessment";
        public const string Id = "loy_healthassessmentid";
        public const string Name = "loy_name";
        public const string AccountId = "loy_accountid";
        /// <summary>The row's owner: always its account's owner, so the row is readable by exactly the account's readers.</summary>
        public const string OwnerId = "ownerid";
        public const string AssessedOn = "loy_assessedon";
        public const string UnderstandingScore = "loy_understandingscore";
        public const string FamiliarityScore = "loy_familiarityscore";
        public const string ServiceScore = "loy_servicescore";
        public const string OverallHealth = "loy_overallhealth";
        public const string HealthBand = "loy_healthband";
        public const string HealthTrend = "loy_healthtrend";
        public const string PerkDependent = "loy_perkdependent";
        public const string PerkShare = "loy_perkshare";
        /// <summary>The follow-up tasks an assessment opened (task.loy_healthassessmentid): created with the row in one request.</summary>
        public const string FollowUpTasks = "loy_healthassessment_task_healthassessmentid";
        public const string ReasonCodes = "loy_healthreasoncodes";
    }
}
