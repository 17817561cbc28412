using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>A table as the solution defines it: its logical name, whether it is an activity, who owns its rows, and the columns the solution lists.</summary>
    public sealed record SolutionTable(string Name, bool IsActivity, bool OrganizationOwned, IReadOnlyCollection<string> Columns);
}
