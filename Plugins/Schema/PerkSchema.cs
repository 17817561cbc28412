namespace LoyaltyHealth.Plugins.Schema
{
    public static class PerkSchema
    {
        public const string EntityName = ActivitySchema.Perk;
        public const string PerkKind = "loy_perkkind";
        public const string Cost = "loy_cost";
    }
}
