using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.InMemory.Query
{
    // QueryExpression into the shared QueryDefinition. Covers columns, criteria, orders, links, top and
    // paging; anything else is a fault naming it.
    internal static class QueryExpressionTranslator
    {
        private static readonly IReadOnlyDictionary<ConditionOperator, ConditionOp> Operators = new Dictionary<ConditionOperator, ConditionOp>
        {
            [ConditionOperator.Equal] = ConditionOp.Equal,
            [ConditionOperator.NotEqual] = ConditionOp.NotEqual,
            [ConditionOperator.GreaterThan] = ConditionOp.GreaterThan,
            [ConditionOperator.GreaterEqual] = ConditionOp.GreaterEqual,
            [ConditionOperator.LessThan] = ConditionOp.LessThan,
            [ConditionOperator.LessEqual] = ConditionOp.LessEqual,
            [ConditionOperator.In] = ConditionOp.In,
            [ConditionOperator.NotIn] = ConditionOp.NotIn,
            [ConditionOperator.Null] = ConditionOp.Null,
            [ConditionOperator.NotNull] = ConditionOp.NotNull,
            [ConditionOperator.Like] = ConditionOp.Like,
            [ConditionOperator.NotLike] = ConditionOp.NotLike,
            [ConditionOperator.BeginsWith] = ConditionOp.BeginsWith,
            [ConditionOperator.DoesNotBeginWith] = ConditionOp.NotBeginWith,
            [ConditionOperator.EndsWith] = ConditionOp.EndsWith,
            [ConditionOperator.DoesNotEndWith] = ConditionOp.NotEndWith,
            [ConditionOperator.On] = ConditionOp.On,
            [ConditionOperator.OnOrAfter] = ConditionOp.OnOrAfter,
            [ConditionOperator.OnOrBefore] = ConditionOp.OnOrBefore,
            [ConditionOperator.Between] = ConditionOp.Between,
            [ConditionOperator.NotBetween] = ConditionOp.NotBetween,
        };

        public static QueryDefinition Translate(QueryExpression query)
        {
            if (string.IsNullOrEmpty(query.EntityName))
            {
                throw DataverseFault.InvalidArgument("QueryExpression.EntityName is required.");
            }

            var root = new EntityNode(query.EntityName);
            Columns(root, query.ColumnSet);
            root.Filter = Filter(query.Criteria, "QueryExpression.Criteria");
            root.Orders.AddRange(query.Orders.Select(o => Order(o, isRoot: true)));
            root.Links.AddRange(query.LinkEntities.Select(Link));
            var paging = query.PageInfo;
            return new QueryDefinition(root)
            {
                Distinct = query.Distinct,
                Top = query.TopCount,
                PageSize = paging.Count > 0 ? paging.Count : (int?)null,
                Page = paging.PageNumber > 0 ? paging.PageNumber : (int?)null,
                PagingCookie = paging.PagingCookie,
                ReturnTotalRecordCount = paging.ReturnTotalRecordCount,
            };
        }

        private static EntityNode Link(LinkEntity link)
        {
            if (string.IsNullOrEmpty(link.LinkToEntityName) || string.IsNullOrEmpty(link.LinkFromAttributeName) || string.IsNullOrEmpty(link.LinkToAttributeName))
            {
                throw DataverseFault.InvalidArgument("LinkEntity needs LinkToEntityName, LinkFromAttributeName and LinkToAttributeName.");
            }

            if (link.JoinOperator != JoinOperator.Inner && link.JoinOperator != JoinOperator.LeftOuter)
            {
                throw DataverseFault.InvalidArgument($"LinkEntity '{link.LinkToEntityName}': JoinOperator {link.JoinOperator} is not supported (Inner and LeftOuter are).");
            }

            // QueryExpression names the parent column "from" and the linked one "to": the reverse of FetchXML.
            var node = new EntityNode(link.LinkToEntityName)
            {
                From = link.LinkToAttributeName,
                To = link.LinkFromAttributeName,
                Alias = link.EntityAlias,
                Outer = link.JoinOperator == JoinOperator.LeftOuter,
            };
            Columns(node, link.Columns);
            node.Filter = Filter(link.LinkCriteria, $"LinkEntity '{link.LinkToEntityName}'.LinkCriteria");
            node.Orders.AddRange(link.Orders.Select(o => Order(o, isRoot: false)));
            node.Links.AddRange(link.LinkEntities.Select(Link));
            return node;
        }

        private static void Columns(EntityNode node, ColumnSet columns)
        {
            node.AllAttributes = columns.AllColumns;
            node.Attributes.AddRange(columns.Columns.Select(c => new AttributeNode(c)));
        }

        private static FilterNode? Filter(FilterExpression? filter, string where)
        {
            if (filter == null || (filter.Conditions.Count == 0 && filter.Filters.Count == 0))
            {
                return null;
            }

            var node = new FilterNode { IsOr = filter.FilterOperator == LogicalOperator.Or };
            foreach (var condition in filter.Conditions)
            {
                node.Conditions.Add(Condition(condition, where));
            }

            foreach (var child in filter.Filters)
            {
                var childNode = Filter(child, where);
                if (childNode != null)
                {
                    node.Filters.Add(childNode);
                }
            }

            return node;
        }

        private static ConditionNode Condition(ConditionExpression condition, string where)
        {
            string description = $"{where}: condition on '{condition.AttributeName}' with operator {condition.Operator}";
            if (string.IsNullOrEmpty(condition.AttributeName))
            {
                throw DataverseFault.InvalidArgument($"{where}: a ConditionExpression has no AttributeName.");
            }

            if (condition.CompareColumns)
            {
                throw DataverseFault.InvalidArgument($"{description}: CompareColumns is not supported.");
            }

            if (!Operators.TryGetValue(condition.Operator, out var op))
            {
                throw DataverseFault.InvalidArgument($"{description}: the operator is not supported.");
            }

            var values = condition.Values.ToList();
            FetchXmlParser.CheckValueCount(op, values.Count, description);
            return new ConditionNode(condition.AttributeName, op, values, description) { EntityName = condition.EntityName };
        }

        private static OrderNode Order(OrderExpression order, bool isRoot)
        {
            if (string.IsNullOrEmpty(order.AttributeName))
            {
                throw DataverseFault.InvalidArgument("OrderExpression.AttributeName is required.");
            }

            return new OrderNode
            {
                Attribute = order.AttributeName,
                EntityName = isRoot ? order.EntityName : null,
                Descending = order.OrderType == OrderType.Descending,
            };
        }
    }
}
