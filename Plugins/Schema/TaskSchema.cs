namespace LoyaltyHealth.Plugins.Schema
{
    public static class TaskSchema
    {
        public const string EntityName = ActivitySchema.Task;
        /// <summary>The status reason "Completed" of a completed task.</summary>
        public const int StatusCompleted = 5;
    }
}
