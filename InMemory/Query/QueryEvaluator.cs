using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LoyaltyHealth.InMemory.Activities;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Query
{
    // Runs a QueryDefinition: candidate root rows (from a column index when the filter pins a lookup or id),
    // hash joins for link-entities, the filter, the order, then aggregation or projection and paging.
    // Every step is linear in the rows it touches, apart from the sort.
    internal sealed class QueryEvaluator
    {
        public const int DefaultPageSize = 5000;
        public const int TotalRecordCountLimit = 5000;

        private readonly DataStore _store;

        public QueryEvaluator(DataStore store)
        {
            _store = store;
        }

        public EntityCollection Evaluate(QueryDefinition query)
        {
            var nodes = Prepare(query, out var parentSlots);
            var (onRoot, onJoined) = SplitRootFilter(query.Root.Filter);
            var plan = new JoinPlan(_store, nodes, parentSlots);
            var join = new JoinRun(this, plan, onRoot, onJoined);
            JoinCandidates(query.Root, plan, join);
            return query.Aggregate ? Aggregated(query, nodes, join.Tuples) : Projected(query, plan, join.Tuples);
        }

        // The root filter's parts that read only the root row run before its links are joined, once per root
        // row rather than once per joined tuple; the parts that read a link run on each joined tuple. An "and"
        // holds when every part holds, so the split keeps its meaning.
        private static (FilterNode? OnRoot, FilterNode? OnJoined) SplitRootFilter(FilterNode? filter)
        {
            if (filter == null || ReadsOnlyRoot(filter))
            {
                return (filter, null);
            }

            if (filter.IsOr)
            {
                return (null, filter);
            }

            var onRoot = new FilterNode();
            var onJoined = new FilterNode();
            foreach (var condition in filter.Conditions)
            {
                (condition.Slot == 0 ? onRoot : onJoined).Conditions.Add(condition);
            }

            foreach (var child in filter.Filters)
            {
                (ReadsOnlyRoot(child) ? onRoot : onJoined).Filters.Add(child);
            }

            return (onRoot, onJoined);
        }

        private static bool ReadsOnlyRoot(FilterNode filter)
        {
            foreach (var condition in filter.Conditions)
            {
                if (condition.Slot != 0)
                {
                    return false;
                }
            }

            foreach (var child in filter.Filters)
            {
                if (!ReadsOnlyRoot(child))
                {
                    return false;
                }
            }

            return true;
        }

        private EntityCollection Aggregated(QueryDefinition query, IReadOnlyList<EntityNode> nodes, List<RowRef[]> tuples)
        {
            var entities = new Aggregation(_store).Compute(query, nodes, tuples);
            var (start, count) = PageWindow(query, rootIds: null);
            return Finish(query, entities.Skip(start).Take(count).ToList(), entities.Count, start, count, withCookie: false);
        }

        private EntityCollection Projected(QueryDefinition query, JoinPlan plan, List<RowRef[]> tuples)
        {
            var nodes = plan.Nodes;
            string primaryId = _store.PrimaryIdColumnOf(query.Root.Table);
            var gathered = GatheredColumns(nodes, primaryId);
            tuples.Sort(new TupleComparer(_store, nodes, plan.SourceTables));
            if (query.Distinct)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var distinct = new List<Entity>();
                foreach (var tuple in tuples)
                {
                    var entity = Project(query, nodes, primaryId, tuple, gathered);
                    if (seen.Add(DistinctKey(entity)))
                    {
                        distinct.Add(entity);
                    }
                }

                var (distinctStart, distinctCount) = PageWindow(query, () => distinct.Select(e => e.Id).ToList());
                return Finish(query, distinct.Skip(distinctStart).Take(distinctCount).ToList(), distinct.Count, distinctStart, distinctCount, withCookie: true);
            }

            // Only the rows of the requested page are projected (and so copied).
            var (start, count) = PageWindow(query, () => RootIds(tuples));
            int end = (int)Math.Min((long)start + count, tuples.Count);
            var page = new List<Entity>(Math.Max(end - start, 0));
            for (int index = start; index < end; index++)
            {
                page.Add(Project(query, nodes, primaryId, tuples[index], gathered));
            }

            return Finish(query, page, tuples.Count, start, count, withCookie: true);
        }

        private static List<Guid> RootIds(List<RowRef[]> tuples)
        {
            var ids = new List<Guid>(tuples.Count);
            foreach (var tuple in tuples)
            {
                ids.Add(tuple[0].Row!.Id);
            }

            return ids;
        }

        // The root ids, in result order, are listed only when a paging cookie needs them.
        private (int Start, int Count) PageWindow(QueryDefinition query, Func<List<Guid>>? rootIds)
        {
            if (query.Top != null)
            {
                return (0, query.Top.Value);
            }

            int size = query.PageSize ?? DefaultPageSize;
            int page = query.Page ?? 1;
            int start = (int)Math.Min((long)(page - 1) * size, int.MaxValue);
            if (page > 1 && rootIds != null && !string.IsNullOrEmpty(query.PagingCookie))
            {
                var last = PagingCookie.LastId(query.PagingCookie!);
                int position = rootIds().IndexOf(last!.Value);
                if (position >= 0)
                {
                    start = position + 1;
                }
            }

            return (start, size);
        }

        private EntityCollection Finish(QueryDefinition query, List<Entity> page, int total, int start, int size, bool withCookie)
        {
            var result = new EntityCollection(page)
            {
                EntityName = query.Root.Table,
                MoreRecords = query.Top == null && (long)start + size < total,
                TotalRecordCount = query.ReturnTotalRecordCount ? Math.Min(total, TotalRecordCountLimit) : -1,
                TotalRecordCountLimitExceeded = query.ReturnTotalRecordCount && total > TotalRecordCountLimit,
            };
            if (withCookie && query.Top == null && page.Count > 0)
            {
                result.PagingCookie = PagingCookie.Write(query.Page ?? 1, _store.PrimaryIdColumnOf(query.Root.Table), page[0].Id, page[page.Count - 1].Id);
            }

            return result;
        }

        // The columns of a result row go into its entity at once, so its attributes grow once rather than column by column
        // (a recalculation reads thousands of rows of about twenty columns), where no two columns of the query can share a
        // result name; otherwise (all-attributes, an alias repeating a name) each is set as it comes, a later one
        // replacing an earlier one. Null when the names may repeat.
        private static List<KeyValuePair<string, object>>? GatheredColumns(IReadOnlyList<EntityNode> nodes, string primaryId)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            int columns = 0;
            foreach (var node in nodes)
            {
                if (node.AllAttributes)
                {
                    return null;
                }

                foreach (var attribute in node.Attributes)
                {
                    if (!names.Add(attribute.ResultName))
                    {
                        return null;
                    }
                }

                columns += node.Attributes.Count;
                if (node.Slot == 0)
                {
                    // The row's id: it replaces the root's own primary-id column in place, or comes after the root's columns.
                    names.Add(primaryId);
                }
            }

            return new List<KeyValuePair<string, object>>(columns + 1);
        }

        private Entity Project(QueryDefinition query, IReadOnlyList<EntityNode> nodes, string primaryId, RowRef[] tuple, List<KeyValuePair<string, object>>? gathered)
        {
            var rootNode = query.Root;
            var root = tuple[0];
            bool rootIsPointer = rootNode.Table == ActivityNames.Pointer;
            var entity = new Entity(rootNode.Table);
            gathered?.Clear();
            if (rootNode.AllAttributes)
            {
                foreach (var value in _store.ReadAll(root.Table!, root.Row!, rootIsPointer))
                {
                    entity.Attributes[value.Key] = ValueCopier.CopyOut(value.Value);
                }
            }

            int primaryIdAt = -1;
            foreach (var attribute in rootNode.Attributes)
            {
                var value = _store.Read(root.Table!, root.Row!, attribute.Reader);
                if (value != null)
                {
                    if (gathered != null && attribute.ResultName == primaryId)
                    {
                        primaryIdAt = gathered.Count;
                    }

                    Set(entity, gathered, attribute.ResultName, attribute.Alias == null
                        ? ValueCopier.CopyOut(value)!
                        : new AliasedValue(rootNode.Table, attribute.Name, ValueCopier.CopyOut(value)));
                }
            }

            if (!query.Distinct)
            {
                entity.Id = root.Row!.Id;
                if (primaryIdAt >= 0)
                {
                    gathered![primaryIdAt] = new KeyValuePair<string, object>(primaryId, root.Row.Id);
                }
                else
                {
                    Set(entity, gathered, primaryId, root.Row.Id);
                }

                entity.RowVersion = root.Table!.RowVersionOf(root.Row);
            }
            else
            {
                var given = primaryIdAt >= 0 ? gathered![primaryIdAt].Value : entity.Attributes.TryGetValue(primaryId, out var id) ? id : null;
                if (given is Guid rowId)
                {
                    entity.Id = rowId;
                }
            }

            for (int slot = 1; slot < nodes.Count; slot++)
            {
                var link = nodes[slot];
                var row = tuple[slot];
                if (row.IsEmpty)
                {
                    continue;
                }

                if (link.AllAttributes)
                {
                    foreach (var value in _store.ReadAll(row.Table!, row.Row!, link.Table == ActivityNames.Pointer))
                    {
                        entity.Attributes[link.EffectiveAlias + "." + value.Key] = new AliasedValue(link.Table, value.Key, ValueCopier.CopyOut(value.Value));
                    }
                }

                foreach (var attribute in link.Attributes)
                {
                    var value = _store.Read(row.Table!, row.Row!, attribute.Reader);
                    if (value != null)
                    {
                        Set(entity, gathered, attribute.ResultName, new AliasedValue(link.Table, attribute.Name, ValueCopier.CopyOut(value)));
                    }
                }
            }

            if (gathered != null)
            {
                entity.Attributes.AddRange(gathered);
            }

            return entity;
        }

        private static void Set(Entity entity, List<KeyValuePair<string, object>>? gathered, string name, object value)
        {
            if (gathered == null)
            {
                entity.Attributes[name] = value;
            }
            else
            {
                gathered.Add(new KeyValuePair<string, object>(name, value));
            }
        }

        private static string DistinctKey(Entity entity)
        {
            var key = new StringBuilder();
            foreach (var attribute in entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var value = attribute.Value is AliasedValue aliased ? aliased.Value : attribute.Value;
                var normal = IndexKey.Of(value);
                key.Append(attribute.Key).Append('=').Append(normal?.GetType().Name).Append(':')
                    .Append(Convert.ToString(normal, System.Globalization.CultureInfo.InvariantCulture)).Append('\u0001');
            }

            return key.ToString();
        }

        /// <summary>
        /// Dataverse refuses a query with more link-entities than this, with 0x8004430D ("Join tables using
        /// FetchXml", Limitations: "You can add up to 15 link-entity elements to a query").
        /// </summary>
        public const int MaximumLinks = 15;

        // Numbers the link-entities, gives each its alias, and ties every condition and order to the slot of
        // the row it reads. Faults here name the alias or column that does not resolve.
        private IReadOnlyList<EntityNode> Prepare(QueryDefinition query, out int[] parentSlots)
        {
            if (query.Top != null && (query.PageSize != null || query.Page != null))
            {
                throw DataverseFault.InvalidArgument("Invalid FetchXML: top cannot be combined with count or page.");
            }

            var nodes = new List<EntityNode>();
            var parents = new List<int>();
            Number(query.Root, parentSlot: 0, nodes, parents);
            if (nodes.Count - 1 > MaximumLinks)
            {
                throw new DataverseFault(ErrorCodes.TooManyLinkEntities, "Number of link entities in query exceeded maximum limit.");
            }

            var byAlias = new Dictionary<string, EntityNode>(nodes.Count * 2, StringComparer.Ordinal);
            for (int slot = 1; slot < nodes.Count; slot++)
            {
                var link = nodes[slot];
                if (!byAlias.TryAdd(link.EffectiveAlias, link))
                {
                    throw DataverseFault.InvalidArgument($"Invalid FetchXML: the alias '{link.EffectiveAlias}' is used by more than one link-entity.");
                }
            }

            // A table linked only once can also be named by its table name.
            for (int slot = 1; slot < nodes.Count; slot++)
            {
                if (IsOnlyLinkTo(nodes, slot))
                {
                    byAlias.TryAdd(nodes[slot].Table, nodes[slot]);
                }
            }

            foreach (var node in nodes)
            {
                _store.Check.Table(node.Table);
                if (node.Filter != null)
                {
                    ResolveConditions(node, node.Filter, nodes, byAlias);
                }

                foreach (var order in node.Orders)
                {
                    order.Slot = ResolveSlot(node, order.EntityName, byAlias, order);
                    if (order.Attribute != null)
                    {
                        CheckColumn(nodes[order.Slot], order.Attribute);
                    }
                    else if (!query.Aggregate)
                    {
                        throw DataverseFault.InvalidArgument($"Invalid FetchXML: <order alias=\"{order.Alias}\"> is only allowed in aggregate queries; order by attribute instead.");
                    }
                }

                foreach (var attribute in node.Attributes)
                {
                    CheckColumn(node, attribute.Name);
                    attribute.ResultName = attribute.Alias ?? (node.Slot == 0 ? attribute.Name : node.EffectiveAlias + "." + attribute.Name);
                }

                if (node.Slot > 0)
                {
                    CheckColumn(node, node.From!);
                    CheckColumn(nodes[parents[node.Slot]], node.To!);
                }
            }

            parentSlots = parents.ToArray();
            return nodes;
        }

        // Slots in document order, depth first: the root 0, then each link before the links under it.
        private static void Number(EntityNode node, int parentSlot, List<EntityNode> nodes, List<int> parents)
        {
            node.Slot = nodes.Count;
            node.EffectiveAlias = node.Slot == 0 ? node.Table : node.Alias ?? node.Table + node.Slot;
            nodes.Add(node);
            parents.Add(parentSlot);
            foreach (var link in node.Links)
            {
                Number(link, node.Slot, nodes, parents);
            }
        }

        private static bool IsOnlyLinkTo(List<EntityNode> nodes, int slot)
        {
            for (int other = 1; other < nodes.Count; other++)
            {
                if (other != slot && nodes[other].Table == nodes[slot].Table)
                {
                    return false;
                }
            }

            return true;
        }

        // In document order, as the conditions of a filter and then those of its nested filters.
        private void ResolveConditions(EntityNode node, FilterNode filter, List<EntityNode> nodes, Dictionary<string, EntityNode> byAlias)
        {
            foreach (var condition in filter.Conditions)
            {
                condition.Slot = ResolveSlot(node, condition.EntityName, byAlias, condition);
                CheckColumn(nodes[condition.Slot], condition.Attribute);
            }

            foreach (var child in filter.Filters)
            {
                ResolveConditions(node, child, nodes, byAlias);
            }
        }

        // `subject` is the condition or order that names the entity; its description is built only for a fault.
        private static int ResolveSlot(EntityNode owner, string? entityName, Dictionary<string, EntityNode> byAlias, object subject)
        {
            if (string.IsNullOrEmpty(entityName))
            {
                return owner.Slot;
            }

            if (owner.Slot != 0)
            {
                if (entityName == owner.EffectiveAlias || entityName == owner.Table)
                {
                    return owner.Slot;
                }

                throw DataverseFault.InvalidArgument($"Invalid query: {What(subject)} inside link-entity '{owner.EffectiveAlias}' names entity '{entityName}'; only the root filter may reach other link-entities.");
            }

            if (byAlias.TryGetValue(entityName!, out var target))
            {
                return target.Slot;
            }

            if (entityName == owner.Table)
            {
                return 0;
            }

            throw DataverseFault.InvalidArgument($"Invalid query: {What(subject)} names entity '{entityName}', which is not the alias of any link-entity.");
        }

        private static string What(object subject) => subject is OrderNode order
            ? $"the order on '{order.Attribute ?? order.Alias}'"
            : $"the {((ConditionNode)subject).Description}";

        private void CheckColumn(EntityNode node, string column) => _store.Check.Column(node.Table, column);

        // Joins every candidate root row: those the planner narrows to from indexes, else every row of the
        // root's tables (or those an id condition on the root pins).
        private void JoinCandidates(EntityNode root, JoinPlan plan, JoinRun join)
        {
            var rootTables = plan.SourceTables[0];
            var planned = new CandidatePlanner(_store, plan.SourceTables).Plan(root);
            if (planned != null)
            {
                foreach (var candidate in planned)
                {
                    join.FromRoot(candidate);
                }

                return;
            }

            var pinned = root.Filter == null ? null : PinnedGuids(root.Filter);
            for (int t = 0; t < rootTables.Count; t++)
            {
                var table = rootTables[t];
                if (pinned != null && table.CanLookUpGuid(pinned.Value.Column))
                {
                    foreach (var id in pinned.Value.Ids)
                    {
                        var rows = table.Lookup(pinned.Value.Column, id);
                        for (int r = 0; r < rows.Count; r++)
                        {
                            join.FromRoot(new RowRef(table, rows[r]));
                        }
                    }
                }
                else
                {
                    foreach (var row in table.Rows)
                    {
                        join.FromRoot(new RowRef(table, row));
                    }
                }
            }
        }

        // A top-level "and" condition of eq/in on the root with Guid values narrows the candidates to an
        // index lookup; the full filter still runs on each candidate.
        private static (string Column, List<Guid> Ids)? PinnedGuids(FilterNode filter)
        {
            if (filter.IsOr)
            {
                return null;
            }

            foreach (var condition in filter.Conditions)
            {
                var ids = condition.Slot == 0 ? CandidatePlanner.PinnedIds(condition) : null;
                if (ids != null)
                {
                    return (condition.Attribute, ids);
                }
            }

            return null;
        }

        // Joins the links depth first, in slot order, on one working tuple: a complete tuple that passes the
        // root filter is copied once into the result, so a link that matches one row, or a row the filter
        // rejects, costs no allocation. The tuples come out in the order a breadth-first join gives.
        private sealed class JoinRun
        {
            private readonly QueryEvaluator _evaluator;
            private readonly JoinPlan _plan;
            private readonly FilterNode? _onRoot;
            private readonly FilterNode? _onJoined;
            private readonly RowRef[] _tuple;

            public JoinRun(QueryEvaluator evaluator, JoinPlan plan, FilterNode? rootFilterOnRoot, FilterNode? rootFilterOnJoined)
            {
                _evaluator = evaluator;
                _plan = plan;
                _onRoot = rootFilterOnRoot;
                _onJoined = rootFilterOnJoined;
                _tuple = new RowRef[plan.Nodes.Count];
            }

            public List<RowRef[]> Tuples { get; } = new List<RowRef[]>();

            // Every slot but the root's is empty between calls.
            public void FromRoot(RowRef root)
            {
                _tuple[0] = root;
                if (_onRoot == null || _evaluator.Matches(_onRoot, _tuple))
                {
                    From(1);
                }
            }

            private void From(int slot)
            {
                if (slot == _plan.Nodes.Count)
                {
                    if (_onJoined == null || _evaluator.Matches(_onJoined, _tuple))
                    {
                        Tuples.Add((RowRef[])_tuple.Clone());
                    }

                    return;
                }

                // A filter inside a link-entity belongs to the join: for an outer join, rows it rejects leave the
                // parent with an empty link rather than removing the parent.
                var link = _plan.Nodes[slot];
                var parent = _tuple[_plan.ParentSlots[slot]];
                bool matched = !parent.IsEmpty && JoinTo(slot, link, parent);
                _tuple[slot] = default;
                if (!matched && link.Outer)
                {
                    From(slot + 1);
                }
            }

            private bool JoinTo(int slot, EntityNode link, RowRef parent)
            {
                bool matched = false;
                var tables = _plan.SourceTables[slot];
                var store = _evaluator._store;
                if (TryReadJoinId(slot, link, parent, out var id))
                {
                    // Most joins follow a lookup to an id: answered without boxing the id or listing a single row.
                    var fromPrimaryId = _plan.FromPrimaryId[slot];
                    var toActivityId = _plan.ToParentId[slot] && parent.Table!.IsActivity;
                    for (int t = 0; t < tables.Count; t++)
                    {
                        var table = tables[t];
                        if (toActivityId && fromPrimaryId[t] && table.IsActivity && !ReferenceEquals(table, parent.Table))
                        {
                            // An activity's id is in one activity table only (the store refuses a second, as the
                            // activity pointer does): a link from the pointer to another activity table finds nothing.
                            continue;
                        }

                        if (fromPrimaryId[t])
                        {
                            var row = table.Find(id);
                            matched |= row != null && Visit(slot, link, table, row);
                        }
                        else
                        {
                            matched |= VisitAll(slot, link, table, table.Lookup(link.From!, id));
                        }
                    }
                }
                else if (IndexKey.Of(store.Read(parent.Table!, parent.Row!, link.ToReader)) is { } key)
                {
                    for (int t = 0; t < tables.Count; t++)
                    {
                        matched |= VisitAll(slot, link, tables[t], tables[t].Lookup(link.From!, key));
                    }
                }

                return matched;
            }

            // A link to the parent's own id (each activity table's link from activitypointer) reads no column.
            private bool TryReadJoinId(int slot, EntityNode link, RowRef parent, out Guid id)
            {
                if (_plan.ToParentId[slot])
                {
                    id = parent.Row!.Id;
                    return true;
                }

                return _evaluator._store.TryReadGuid(parent.Table!, parent.Row!, link.ToReader, out id);
            }

            private bool VisitAll(int slot, EntityNode link, Table table, IReadOnlyList<Row> rows)
            {
                bool matched = false;
                for (int r = 0; r < rows.Count; r++)
                {
                    matched |= Visit(slot, link, table, rows[r]);
                }

                return matched;
            }

            // The link's slot holds the candidate while the link's filter looks at it and the later links join to it.
            private bool Visit(int slot, EntityNode link, Table table, Row row)
            {
                _tuple[slot] = new RowRef(table, row);
                if (link.Filter != null && !_evaluator.Matches(link.Filter, _tuple))
                {
                    return false;
                }

                From(slot + 1);
                return true;
            }
        }

        // What a join needs of each node, worked out once per query rather than once per row: the slot of
        // its parent, the tables it reads (the activity pointer reads every activity table), for each of
        // those whether the link joins on its primary id, and whether it joins to its parent's primary id.
        private sealed class JoinPlan
        {
            public JoinPlan(DataStore store, IReadOnlyList<EntityNode> nodes, int[] parentSlots)
            {
                Nodes = nodes;
                ParentSlots = parentSlots;
                SourceTables = new IReadOnlyList<Table>[nodes.Count];
                FromPrimaryId = new bool[nodes.Count][];
                ToParentId = new bool[nodes.Count];
                for (int slot = 0; slot < nodes.Count; slot++)
                {
                    // A parent's slot comes before its links', so its tables are known here.
                    ToParentId[slot] = slot > 0 && Query.SourceTables.ShareThePrimaryId(SourceTables[parentSlots[slot]], nodes[slot].To);
                    var tables = store.SourceTables(nodes[slot].Table);
                    var list = tables as IReadOnlyList<Table> ?? tables.ToList();
                    SourceTables[slot] = list;
                    var fromPrimaryId = new bool[list.Count];
                    for (int t = 0; t < list.Count; t++)
                    {
                        fromPrimaryId[t] = string.Equals(nodes[slot].From, list[t].PrimaryIdColumn, StringComparison.Ordinal);
                    }

                    FromPrimaryId[slot] = fromPrimaryId;
                }
            }

            public IReadOnlyList<EntityNode> Nodes { get; }

            public int[] ParentSlots { get; }

            public IReadOnlyList<Table>[] SourceTables { get; }

            public bool[][] FromPrimaryId { get; }

            public bool[] ToParentId { get; }
        }

        private bool Matches(FilterNode filter, RowRef[] tuple)
        {
            foreach (var condition in filter.Conditions)
            {
                var row = tuple[condition.Slot];
                bool result = condition.Matcher.Matches(row.IsEmpty ? null : _store.Read(row.Table!, row.Row!, condition.Reader));
                if (result == filter.IsOr)
                {
                    return result;
                }
            }

            foreach (var child in filter.Filters)
            {
                bool result = Matches(child, tuple);
                if (result == filter.IsOr)
                {
                    return result;
                }
            }

            // An empty filter of either type filters nothing: Dataverse ignores it.
            return !filter.IsOr || (filter.Conditions.Count == 0 && filter.Filters.Count == 0);
        }
    }
}
