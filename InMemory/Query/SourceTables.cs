using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory.Storage;

namespace LoyaltyHealth.InMemory.Query
{
    // Questions about the tables a query node reads, answered once per query rather than once per row.
    internal static class SourceTables
    {
        // True when the column is the primary id of every one of the tables (the activity pointer's tables
        // all share activityid), so a row's value in it is the row's own id.
        public static bool ShareThePrimaryId(IReadOnlyList<Table> tables, string? column)
        {
            for (int t = 0; t < tables.Count; t++)
            {
                if (!string.Equals(column, tables[t].PrimaryIdColumn, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
