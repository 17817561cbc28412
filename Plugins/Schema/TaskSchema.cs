namespace LoyaltyHealth.Plugins.Schema
{
    public static class TaskSchema
    {
        public const string EntityName = ActivitySchema.Task;
        /// <summary>The status reason "Completed" of a completed task.</summary>
        public const int StatusCompleted = 5;
        /// <summary>The assessment that opened a follow-up task, set by the deep insert that creates both.</summary>
        public const string HealthAssessmentId = "loy_healthassessmentid";
    }
}
