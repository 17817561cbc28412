using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// The lookups and activity parties one account's rows repeat (its own account in every activity's regarding,
    /// the same owners, the same contacts taking part), decoded into one object each instead of one per row. A
    /// slice's rows are only read and handed over to the store, which never changes a value in place, so they can
    /// share them; a row that goes on to be a request's target (the account) shares nothing.
    /// Cleared for each slice: a slice's values are never shared with another's. Not thread-safe.
    /// </summary>
    public sealed class SharedValues
    {
        private readonly string _unsharedTable;
        private readonly Dictionary<Guid, EntityReference> _references = new();
        private readonly Dictionary<Guid, (string Table, Entity Party)> _parties = new();

        /// <param name="unsharedTable">The table whose rows share nothing: each of its rows gets values of its own.</param>
        public SharedValues(string unsharedTable) => _unsharedTable = unsharedTable;

        /// <summary>Whether rows of <paramref name="table"/> share values.</summary>
        public bool Shares(string table) => table != _unsharedTable;

        public void Clear()
        {
            _references.Clear();
            _parties.Clear();
        }

        /// <summary>The lookup to <paramref name="id"/> in <paramref name="table"/> (a pooled name), made once.</summary>
        public EntityReference Reference(string table, Guid id)
        {
            if (_references.TryGetValue(id, out var known) && known.LogicalName == table) return known;
            var reference = new EntityReference(table, id);
            _references[id] = reference;
            return reference;
        }

        /// <summary>The activityparty naming <paramref name="id"/> in <paramref name="table"/>, made once.</summary>
        public Entity Party(string table, Guid id)
        {
            if (_parties.TryGetValue(id, out var known) && known.Table == table) return known.Party;
            var party = RecordCodec.Party(Reference(table, id));
            _parties[id] = (table, party);
            return party;
        }
    }
}
