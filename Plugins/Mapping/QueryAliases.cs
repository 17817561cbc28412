namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>The aliases of the recalculation's link-entities: the queries name them, the mapper reads the values behind them.</summary>
    public static class QueryAliases
    {
        public const string RegardingContact = "regcontact";
        public const string RegardingOpportunity = "regopp";
        public const string Party = "party";
        public const string PartyContact = "partycontact";

        /// <summary>The name a link-entity's column comes back under in a row: the link's alias, a dot and the column.</summary>
        public static string Linked(string alias, string column) => alias + "." + column;

        /// <summary>The contact an activity table's contact lookup points at.</summary>
        public static string ContactIn(string table, string lookup) => table + "_" + lookup;
    }
}
