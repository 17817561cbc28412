using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Query
{
    // FetchXML aggregates. As in SQL, count counts rows while countcolumn, sum, min, max and avg skip
    // rows where the column is null (which includes never having been set).
    internal sealed class Aggregation
    {
        public const int RecordLimit = 50000;

        private readonly DataStore _store;

        public Aggregation(DataStore store)
        {
            _store = store;
        }

        public List<Entity> Compute(QueryDefinition query, IReadOnlyList<EntityNode> nodes, List<RowRef[]> tuples)
        {
            if (tuples.Count > RecordLimit)
            {
                throw new DataverseFault(ErrorCodes.AggregateQueryRecordLimit, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");
            }

            var columns = nodes.SelectMany(n => n.Attributes.Select(a => (Node: n, Attribute: a))).ToList();
            var groupColumns = columns.Where(c => c.Attribute.GroupBy).ToList();
            var groups = new Dictionary<string, List<RowRef[]>>(StringComparer.Ordinal);
            var order = new List<string>();
            if (groupColumns.Count == 0)
            {
                groups.Add(string.Empty, tuples);
                order.Add(string.Empty);
            }
            else
            {
                foreach (var tuple in tuples)
                {
                    string key = string.Join("\u0001", groupColumns.Select(c => KeyText(Read(tuple, c.Node, c.Attribute.Name))));
                    if (!groups.TryGetValue(key, out var members))
                    {
                        members = new List<RowRef[]>();
                        groups.Add(key, members);
                        order.Add(key);
                    }

                    members.Add(tuple);
                }
            }

            var results = new List<Entity>();
            foreach (var key in order)
            {
                var members = groups[key];
                var entity = new Entity(query.Root.Table);
                foreach (var (node, attribute) in columns)
                {
                    object? value = attribute.GroupBy
                        ? (members.Count == 0 ? null : Read(members[0], node, attribute.Name))
                        : Aggregate(attribute, members.Select(t => Read(t, node, attribute.Name)));
                    if (value != null)
                    {
                        entity.Attributes[attribute.Alias!] = new AliasedValue(node.Table, attribute.Name, ValueCopier.CopyOut(value));
                    }
                }

                results.Add(entity);
            }

            Sort(query, groupColumns.Select(c => c.Attribute.Alias!).ToList(), results);
            return results;
        }

        private static void Sort(QueryDefinition query, List<string> groupAliases, List<Entity> results)
        {
            var orders = new List<(string Alias, bool Descending)>();
            foreach (var order in query.Root.Orders)
            {
                if (order.Alias == null)
                {
                    throw DataverseFault.InvalidArgument($"Invalid FetchXML: in an aggregate query <order> must name an alias, not attribute '{order.Attribute}'.");
                }

                orders.Add((order.Alias, order.Descending));
            }

            orders.AddRange(groupAliases.Where(a => orders.All(o => o.Alias != a)).Select(a => (a, false)));
            results.Sort((left, right) =>
            {
                foreach (var (alias, descending) in orders)
                {
                    int difference = ValueComparison.CompareStored(Unwrap(left, alias), Unwrap(right, alias));
                    if (difference != 0)
                    {
                        return descending ? -difference : difference;
                    }
                }

                return 0;
            });
        }

        private static object? Unwrap(Entity entity, string alias) =>
            entity.Attributes.TryGetValue(alias, out var value) && value is AliasedValue aliased ? aliased.Value : null;

        private object? Read(RowRef[] tuple, EntityNode node, string column)
        {
            var row = tuple[node.Slot];
            return row.IsEmpty ? null : _store.Read(row.Table!, row.Row!, column);
        }

        private static string KeyText(object? value)
        {
            var key = IndexKey.Of(value);
            return key == null ? "\u0000" : key.GetType().Name + ":" + Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static object? Aggregate(AttributeNode attribute, IEnumerable<object?> values)
        {
            if (attribute.Aggregate == AggregateKind.Count)
            {
                return values.Count();
            }

            var present = values.Where(v => v != null).Select(v => v!).ToList();
            if (attribute.Distinct)
            {
                present = present.GroupBy(v => KeyText(v)).Select(g => g.First()).ToList();
            }

            switch (attribute.Aggregate)
            {
                case AggregateKind.CountColumn:
                    return present.Count;
                case AggregateKind.Min:
                    return present.Count == 0 ? null : present.Aggregate((a, b) => ValueComparison.CompareStored(a, b) <= 0 ? a : b);
                case AggregateKind.Max:
                    return present.Count == 0 ? null : present.Aggregate((a, b) => ValueComparison.CompareStored(a, b) >= 0 ? a : b);
                case AggregateKind.Sum:
                    return present.Count == 0 ? null : Sum(attribute, present);
                case AggregateKind.Avg:
                    return present.Count == 0 ? null : Average(attribute, present);
                default:
                    throw DataverseFault.InvalidArgument($"Aggregate {attribute.Aggregate} is not supported.");
            }
        }

        // The sum keeps the column's type: whole numbers stay whole, money stays money.
        private static object Sum(AttributeNode attribute, List<object> values)
        {
            switch (values[0])
            {
                case int _:
                    long total = values.Sum(v => (long)(int)v);
                    return total >= int.MinValue && total <= int.MaxValue ? (int)total : (object)total;
                case long _:
                    return checked(values.Sum(v => (long)v));
                case decimal _:
                    return values.Sum(v => (decimal)v);
                case double _:
                    return values.Sum(v => (double)v);
                case Money _:
                    return new Money(values.Sum(v => ((Money)v).Value));
                default:
                    throw DataverseFault.InvalidArgument($"Attribute '{attribute.Name}': sum needs a numeric or money column, not {values[0].GetType().Name}.");
            }
        }

        // Whole-number and decimal averages come back as decimal, so no precision is silently lost.
        private static object Average(AttributeNode attribute, List<object> values)
        {
            switch (values[0])
            {
                case int _:
                case long _:
                case decimal _:
                    return values.Average(v => Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture));
                case double _:
                    return values.Average(v => (double)v);
                case Money _:
                    return new Money(values.Average(v => ((Money)v).Value));
                default:
                    throw DataverseFault.InvalidArgument($"Attribute '{attribute.Name}': avg needs a numeric or money column, not {values[0].GetType().Name}.");
            }
        }
    }
}
