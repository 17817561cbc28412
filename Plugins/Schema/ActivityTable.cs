using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;

namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>
    /// One activity table the model reads, declared once: what kind of interaction its rows are and which of
    /// its columns the model reads beyond those every activity shares. The recalculation's query, the
    /// trigger's filtering columns, the mapper and the Configuration Migration reader all derive from it.
    /// </summary>
    public sealed class ActivityTable
    {
        public ActivityTable(string name, InteractionKind kind, string[] columns, string[]? contactLookups = null, string[]? partyLists = null)
        {
            Name = name;
            Kind = kind;
            Columns = columns;
            ContactLookups = contactLookups ?? new string[0];
            PartyLists = partyLists ?? new string[0];
        }

        /// <summary>The table's logical name, which is also its <c>activitytypecode</c>.</summary>
        public string Name { get; }

        public InteractionKind Kind { get; }

        /// <summary>The table's own columns the model reads (the shared ones come from activitypointer).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>Lookups to a contact who took part, read with the contact's details.</summary>
        public IReadOnlyList<string> ContactLookups { get; }

        /// <summary>The party lists whose contacts took part, read through activityparty.</summary>
        public IReadOnlyList<string> PartyLists { get; }

        /// <summary>Every column whose change can change the assessment: the shared ones and the table's own.</summary>
        public IEnumerable<string> Watched => ActivitySchema.Relevant.Concat(Columns).Concat(ContactLookups).Concat(PartyLists);
    }
}
