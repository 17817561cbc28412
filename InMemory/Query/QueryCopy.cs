using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Query
{
    // A parsed query copied node by node, each condition with the values given for it. The evaluator writes into the
    // nodes it runs (slots, effective aliases, result names) and keeps readers and matchers on them, so a parsed tree
    // kept for reuse (FetchXmlCache) is only ever handed out as a copy. FetchXmlCacheTests compares every property of a
    // copy with a fresh parse (QueryTrees), so a property added to the model and not copied here fails it.
    internal static class QueryCopy
    {
        public static QueryDefinition With(QueryDefinition query, Func<ConditionNode, IReadOnlyList<object?>> valuesOf) =>
            new QueryDefinition(Entity(query.Root, valuesOf))
            {
                Distinct = query.Distinct,
                Aggregate = query.Aggregate,
                Top = query.Top,
                PageSize = query.PageSize,
                Page = query.Page,
                PagingCookie = query.PagingCookie,
                ReturnTotalRecordCount = query.ReturnTotalRecordCount,
            };

        private static EntityNode Entity(EntityNode node, Func<ConditionNode, IReadOnlyList<object?>> valuesOf)
        {
            var copy = new EntityNode(node.Table)
            {
                Alias = node.Alias,
                From = node.From,
                To = node.To,
                Outer = node.Outer,
                AllAttributes = node.AllAttributes,
                Filter = node.Filter == null ? null : Filter(node.Filter, valuesOf),
                Slot = node.Slot,
                EffectiveAlias = node.EffectiveAlias,
            };
            foreach (var attribute in node.Attributes)
            {
                copy.Attributes.Add(new AttributeNode(attribute.Name)
                {
                    Alias = attribute.Alias,
                    ResultName = attribute.ResultName,
                    Aggregate = attribute.Aggregate,
                    GroupBy = attribute.GroupBy,
                    Distinct = attribute.Distinct,
                });
            }

            foreach (var order in node.Orders)
            {
                copy.Orders.Add(new OrderNode
                {
                    Attribute = order.Attribute,
                    Alias = order.Alias,
                    EntityName = order.EntityName,
                    Descending = order.Descending,
                    Slot = order.Slot,
                });
            }

            foreach (var link in node.Links)
            {
                copy.Links.Add(Entity(link, valuesOf));
            }

            return copy;
        }

        private static FilterNode Filter(FilterNode filter, Func<ConditionNode, IReadOnlyList<object?>> valuesOf)
        {
            var copy = new FilterNode { IsOr = filter.IsOr };
            foreach (var condition in filter.Conditions)
            {
                copy.Conditions.Add(new ConditionNode(condition.Attribute, condition.Op, valuesOf(condition), condition.Description)
                {
                    EntityName = condition.EntityName,
                    Slot = condition.Slot,
                });
            }

            foreach (var child in filter.Filters)
            {
                copy.Filters.Add(Filter(child, valuesOf));
            }

            return copy;
        }
    }
}
