namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>
    /// A one-to-many relationship as the solution defines it: its schema name, the table on the "one" side
    /// (referenced), the table on the "many" side (referencing) and the lookup column of that table, as
    /// logical names.
    /// </summary>
    public sealed record SolutionRelationship(string Name, string ReferencedTable, string ReferencingTable, string ReferencingColumn);
}
