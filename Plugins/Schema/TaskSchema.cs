namespace LoyaltyHealth.Plugins.Schema
{
    public static class TaskSchema
    {
        public const string EntityName = ActivitySchema.Task;
        /// <summary>The status reason "Completed" of a completed task.</summary>
        public const int StatusCompleted = 5;
        /// <summary>
        /// The assessment that opened the follow-up task: links the task to the history row that explains why it
        /// exists, and lets the task be created in the same request as that row (a deep insert through
        /// <see cref="HealthAssessmentSchema.FollowUpTasks"/>).
        /// </summary>
        public const string HealthAssessmentId = "loy_healthassessmentid";
    }
}
