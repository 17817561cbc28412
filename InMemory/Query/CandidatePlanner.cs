using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Query
{
    // Narrows the root rows a query has to look at by reading indexes instead of scanning a table. A pin is
    // an eq/in condition on ids or lookups: on the root itself; on a link-entity directly under the root
    // (its matching rows lead back to root rows through the join columns); or an "or" whose every branch
    // pins. Every pin gives a superset of the rows the query can return, because the full filter and
    // joins still run on each candidate; the smallest pin found is used. Null: nothing pins, scan.
    internal sealed class CandidatePlanner
    {
        private readonly DataStore _store;
        private readonly IReadOnlyList<Table>[] _sourceTables;

        // sourceTables: the tables each slot of the query reads.
        public CandidatePlanner(DataStore store, IReadOnlyList<Table>[] sourceTables)
        {
            _store = store;
            _sourceTables = sourceTables;
        }

        public List<RowRef>? Plan(EntityNode root)
        {
            List<RowRef>? best = null;
            if (root.Filter != null)
            {
                best = Smaller(best, Filter(root, root, root.Filter));
            }

            // An inner link-entity's own filter must hold for a root row to be returned at all.
            foreach (var link in root.Links)
            {
                if (!link.Outer && link.Filter != null)
                {
                    best = Smaller(best, Filter(root, link, link.Filter));
                }
            }

            return best;
        }

        // Candidate root rows for a filter evaluated in the scope of `home` (the root, or a link under it).
        private List<RowRef>? Filter(EntityNode root, EntityNode home, FilterNode filter)
        {
            if (filter.IsOr)
            {
                return Union(root, home, filter);
            }

            List<RowRef>? best = null;
            foreach (var condition in filter.Conditions)
            {
                best = Smaller(best, Condition(root, home, condition));
            }

            foreach (var child in filter.Filters)
            {
                best = Smaller(best, Filter(root, home, child));
            }

            return best;
        }

        // An "or" pins only when every branch does. The branches' scopes are checked before any index is read,
        // so an "or" with one branch that cannot pin costs no lookups.
        private List<RowRef>? Union(EntityNode root, EntityNode home, FilterNode filter)
        {
            if (filter.Conditions.Count == 0 && filter.Filters.Count == 0)
            {
                return null;
            }

            foreach (var condition in filter.Conditions)
            {
                if (Scope(root, home, condition) == null)
                {
                    return null;
                }
            }

            var union = new List<RowRef>();
            foreach (var condition in filter.Conditions)
            {
                var branch = Condition(root, home, condition);
                if (branch == null)
                {
                    return null;
                }

                union.AddRange(branch);
            }

            foreach (var child in filter.Filters)
            {
                var branch = Filter(root, home, child);
                if (branch == null)
                {
                    return null;
                }

                union.AddRange(branch);
            }

            return Distinct(union);
        }

        // The node whose rows a pinning condition narrows: `home`, or (from the root's filter) a link directly
        // under the root; null when the condition does not pin or reads a row no index leads back from.
        private static EntityNode? Scope(EntityNode root, EntityNode home, ConditionNode condition)
        {
            if (!CanPin(condition))
            {
                return null;
            }

            if (condition.Slot == home.Slot)
            {
                return home;
            }

            if (home != root)
            {
                return null;
            }

            foreach (var link in root.Links)
            {
                if (link.Slot == condition.Slot)
                {
                    return link;
                }
            }

            return null;
        }

        private List<RowRef>? Condition(EntityNode root, EntityNode home, ConditionNode condition)
        {
            var scope = Scope(root, home, condition);
            var ids = scope == null ? null : PinnedIds(condition);
            if (ids == null)
            {
                return null;
            }

            var rows = Local(scope!, condition.Attribute, ids);
            return rows == null ? null : scope == root ? rows : ToRoot(root, scope!, rows);
        }

        private List<RowRef>? Local(EntityNode node, string column, List<Guid> ids)
        {
            var rows = new List<RowRef>();
            var tables = _sourceTables[node.Slot];
            for (int t = 0; t < tables.Count; t++)
            {
                var table = tables[t];
                if (!table.CanLookUpGuid(column))
                {
                    return null;
                }

                foreach (var id in ids)
                {
                    AddRows(rows, table, table.Lookup(column, id));
                }
            }

            return rows;
        }

        // The root rows a link's rows join to: root.To equals link.From.
        private List<RowRef> ToRoot(EntityNode root, EntityNode link, List<RowRef> linkRows)
        {
            var keys = new List<object>(linkRows.Count);
            var seen = new HashSet<object>();
            foreach (var row in linkRows)
            {
                if (IndexKey.Of(_store.Read(row.Table!, row.Row!, link.From!)) is { } key && seen.Add(key))
                {
                    keys.Add(key);
                }
            }

            var rows = new List<RowRef>();
            var tables = _sourceTables[root.Slot];
            for (int t = 0; t < tables.Count; t++)
            {
                foreach (var key in keys)
                {
                    AddRows(rows, tables[t], tables[t].Lookup(link.To!, key));
                }
            }

            return Distinct(rows);
        }

        // Only an equality or an "in" can pin rows to ids.
        private static bool CanPin(ConditionNode condition) => condition.Op == ConditionOp.Equal || condition.Op == ConditionOp.In;

        /// <summary>The distinct ids an eq/in condition pins its column to, or null when its values are not all ids.</summary>
        internal static List<Guid>? PinnedIds(ConditionNode condition)
        {
            if (!CanPin(condition))
            {
                return null;
            }

            var ids = new List<Guid>();
            foreach (var value in condition.Values)
            {
                switch (value)
                {
                    case Guid id:
                        ids.Add(id);
                        break;
                    case EntityReference reference:
                        ids.Add(reference.Id);
                        break;
                    case string text when Guid.TryParse(text, out var parsed):
                        ids.Add(parsed);
                        break;
                    default:
                        return null;
                }
            }

            return ids.Count > 1 ? ids.Distinct().ToList() : ids;
        }

        private static void AddRows(List<RowRef> rows, Table table, IReadOnlyList<Row> found)
        {
            for (int i = 0; i < found.Count; i++)
            {
                rows.Add(new RowRef(table, found[i]));
            }
        }

        private static List<RowRef> Distinct(List<RowRef> rows)
        {
            var seen = new HashSet<Row>(rows.Count, ReferenceEqualityComparer.Instance);
            var distinct = new List<RowRef>(rows.Count);
            foreach (var row in rows)
            {
                if (seen.Add(row.Row!))
                {
                    distinct.Add(row);
                }
            }

            return distinct;
        }

        private static List<RowRef>? Smaller(List<RowRef>? current, List<RowRef>? candidate) =>
            candidate == null ? current : current == null || candidate.Count < current.Count ? candidate : current;
    }
}
