namespace LoyaltyHealth.Plugins.Schema
{
    public static class OpportunitySchema
    {
        public const string EntityName = "opportunity";
        public const string Id = "opportunityid";
        public const string ParentAccountId = "parentaccountid";
    }
}
