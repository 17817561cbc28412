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
        public const string ReasonCodes = "loy_healthreasoncodes";
        /// <summary>
        /// The one-to-many relationship from a history row to the follow-up tasks it opened (task's
        /// <see cref="TaskSchema.HealthAssessmentId"/>): the key of <c>Entity.RelatedEntities</c> that creates the
        /// row and its tasks in one request. Deleting a row only clears its tasks' link, never a user's task.
        /// </summary>
        public const string FollowUpTasks = "loy_healthassessment_task_healthassessmentid";
    }
}
