using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>
    /// The names under which a contact's columns, read through one link-entity, come back in the recalculation's rows,
    /// made once rather than for every row the mapper reads (a page holds thousands).
    /// </summary>
    internal sealed class LinkedContact
    {
        public LinkedContact(string alias)
        {
            State = QueryAliases.Linked(alias, ContactSchema.StateCode);
            Department = QueryAliases.Linked(alias, ContactSchema.Department);
            Role = QueryAliases.Linked(alias, ContactSchema.AccountRoleCode);
            Company = QueryAliases.Linked(alias, ContactSchema.ParentCustomerId);
        }

        public string State { get; }
        public string Department { get; }
        public string Role { get; }
        public string Company { get; }

        public static readonly LinkedContact Party = new(QueryAliases.PartyContact);
        public static readonly LinkedContact Regarding = new(QueryAliases.RegardingContact);
    }

    /// <summary>The names under which an activity table's own columns come back in the recalculation's rows (the table's name is its alias).</summary>
    internal sealed class LinkedActivityTable
    {
        private static readonly Dictionary<ActivityTable, LinkedActivityTable> ByTable = ActivityTables.All.ToDictionary(t => t, t => new LinkedActivityTable(t));

        private LinkedActivityTable(ActivityTable table)
        {
            Table = table;
            FollowUpReason = QueryAliases.Linked(table.Name, ActivitySchema.FollowUpReason);
            Direction = QueryAliases.Linked(table.Name, ActivitySchema.DirectionCode);
            Channel = QueryAliases.Linked(table.Name, ActivitySchema.Channel);
            InteractionClass = QueryAliases.Linked(table.Name, ActivitySchema.InteractionClass);
            ValueAmount = QueryAliases.Linked(table.Name, ValueReportSchema.ValueAmount);
            PerkCost = QueryAliases.Linked(table.Name, PerkSchema.Cost);
            ContactLookups = table.ContactLookups
                .Select(lookup => new ContactLookup(QueryAliases.Linked(table.Name, lookup), new LinkedContact(QueryAliases.ContactIn(table.Name, lookup))))
                .ToArray();
        }

        public ActivityTable Table { get; }
        public string FollowUpReason { get; }
        public string Direction { get; }
        public string Channel { get; }
        public string InteractionClass { get; }
        public string ValueAmount { get; }
        public string PerkCost { get; }
        public IReadOnlyList<ContactLookup> ContactLookups { get; }

        /// <summary>The activity table of that name the model reads (<see cref="ActivityTables.Find"/>); null for any other.</summary>
        public static LinkedActivityTable? Find(string? name) => ActivityTables.Find(name) is { } table ? ByTable[table] : null;

        /// <summary>A lookup to a contact who took part, and the contact's columns read through its own link.</summary>
        internal sealed record ContactLookup(string Lookup, LinkedContact Contact);
    }
}
