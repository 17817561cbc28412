using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Xml;

namespace LoyaltyHealth.InMemory.Query
{
    // Reads FetchXML into a QueryDefinition. Anything it does not understand is a fault naming the element
    // or attribute: a query must never silently mean less than it says.
    internal static class FetchXmlParser
    {
        private static readonly ISet<string> FetchAttributes = Set(
            "version", "mapping", "output-format", "no-lock", "count", "page", "paging-cookie", "distinct", "top", "aggregate", "returntotalrecordcount");

        private static readonly ISet<string> EntityAttributes = Set("name");

        private static readonly ISet<string> NoAttributes = Set();

        private static readonly ISet<string> LinkAttributes = Set("name", "from", "to", "alias", "link-type", "visible", "intersect");

        // dategrouping and usertimezone are recognised so that their fault can name them precisely.
        private static readonly ISet<string> AttributeAttributes = Set("name", "alias", "aggregate", "groupby", "distinct", "dategrouping", "usertimezone");

        private static readonly ISet<string> OrderAttributes = Set("attribute", "alias", "descending", "entityname");

        // hint="union" asks Dataverse to run an or filter as a union of queries; the rows are the same ("Optimize
        // performance using FetchXml", union hint: an or filter, one per query).
        private static readonly ISet<string> FilterAttributes = Set("type", "hint");

        // uiname, uitype and uihidden are display hints written by Advanced Find; they do not filter.
        private static readonly ISet<string> ConditionAttributes = Set("attribute", "operator", "value", "entityname", "uiname", "uitype", "uihidden", "valueof");

        private static readonly ISet<string> ValueAttributes = Set("uiname", "uitype");

        private static readonly IReadOnlyDictionary<string, ConditionOp> Operators = new Dictionary<string, ConditionOp>(StringComparer.Ordinal)
        {
            ["eq"] = ConditionOp.Equal,
            ["ne"] = ConditionOp.NotEqual,
            ["neq"] = ConditionOp.NotEqual,
            ["gt"] = ConditionOp.GreaterThan,
            ["ge"] = ConditionOp.GreaterEqual,
            ["lt"] = ConditionOp.LessThan,
            ["le"] = ConditionOp.LessEqual,
            ["in"] = ConditionOp.In,
            ["not-in"] = ConditionOp.NotIn,
            ["null"] = ConditionOp.Null,
            ["not-null"] = ConditionOp.NotNull,
            ["like"] = ConditionOp.Like,
            ["not-like"] = ConditionOp.NotLike,
            ["begins-with"] = ConditionOp.BeginsWith,
            ["not-begin-with"] = ConditionOp.NotBeginWith,
            ["ends-with"] = ConditionOp.EndsWith,
            ["not-end-with"] = ConditionOp.NotEndWith,
            ["on"] = ConditionOp.On,
            ["on-or-after"] = ConditionOp.OnOrAfter,
            ["on-or-before"] = ConditionOp.OnOrBefore,
            ["between"] = ConditionOp.Between,
            ["not-between"] = ConditionOp.NotBetween,
        };

        private static readonly IReadOnlyDictionary<string, AggregateKind> Aggregates = new Dictionary<string, AggregateKind>(StringComparer.Ordinal)
        {
            ["count"] = AggregateKind.Count,
            ["countcolumn"] = AggregateKind.CountColumn,
            ["sum"] = AggregateKind.Sum,
            ["min"] = AggregateKind.Min,
            ["max"] = AggregateKind.Max,
            ["avg"] = AggregateKind.Avg,
        };

        public static QueryDefinition Parse(string? fetchXml) => Parse(fetchXml, new List<ConditionNode>());

        // Also lists the query's conditions in document order, the order their values are written in (FetchXmlShape).
        public static QueryDefinition Parse(string? fetchXml, List<ConditionNode> conditions)
        {
            if (string.IsNullOrWhiteSpace(fetchXml))
            {
                throw Fault("the FetchXML is empty");
            }

            try
            {
                using var document = new FetchXmlDocument(fetchXml!);
                return Read(document, conditions);
            }
            catch (XmlException e)
            {
                throw Fault("the FetchXML is not well-formed XML: " + e.Message);
            }
        }

        // The checks run in the order they would on a parsed tree: the whole document's well-formedness first,
        // then the root and its attributes, then what needs every element (the union hints, the root's
        // children), then the entity in document order. Read forward, a later element can still decide the
        // fault, so a fault found early is raised only once the rest of the document is read.
        private static QueryDefinition Read(FetchXmlDocument document, List<ConditionNode> conditions)
        {
            FetchOptions fetch;
            try
            {
                document.ReadRoot();
                fetch = ReadFetch(document);
            }
            catch (DataverseFault)
            {
                document.ReadToEnd();
                throw;
            }

            QueryDefinition? query = null;
            DataverseFault? entityFault = null;
            try
            {
                var children = document.Children();
                while (children.MoveNext())
                {
                    if (query == null && document.Name == "entity")
                    {
                        query = ReadEntity(document, fetch, conditions);
                    }
                }
            }
            catch (DataverseFault fault)
            {
                entityFault = fault;
            }

            document.ReadToEnd();
            CheckWholeDocument(document);
            if (entityFault != null)
            {
                ExceptionDispatchInfo.Capture(entityFault).Throw();
            }

            return query!;
        }

        private static FetchOptions ReadFetch(FetchXmlDocument document)
        {
            if (document.Name != "fetch")
            {
                throw Fault($"the root element is <{document.Name}>, expected <fetch>");
            }

            CheckAttributes(document, FetchAttributes, "fetch");
            return new FetchOptions(document);
        }

        // Needs the whole document read: the union hints anywhere, and the root's children.
        private static void CheckWholeDocument(FetchXmlDocument document)
        {
            if (document.HintedFilters > 1)
            {
                throw Fault("a query can hold only one union hint");
            }

            if (document.FirstOtherRootChild is { } other)
            {
                throw Fault($"<fetch> does not support the child element <{other}>");
            }

            if (document.RootEntities != 1)
            {
                throw Fault($"<fetch> needs exactly one <entity> element, found {document.RootEntities}");
            }
        }

        private static QueryDefinition ReadEntity(FetchXmlDocument document, FetchOptions fetch, List<ConditionNode> conditions)
        {
            CheckAttributes(document, EntityAttributes, "entity");
            var root = new EntityNode(Required(document, "name", "entity"));
            var query = new QueryDefinition(root)
            {
                Distinct = Bool(fetch.Distinct, "fetch", "distinct"),
                Aggregate = Bool(fetch.Aggregate, "fetch", "aggregate"),
                ReturnTotalRecordCount = Bool(fetch.ReturnTotalRecordCount, "fetch", "returntotalrecordcount"),
                Top = PositiveInt(fetch.Top, "fetch", "top"),
                PageSize = PositiveInt(fetch.Count, "fetch", "count"),
                Page = PositiveInt(fetch.Page, "fetch", "page"),
                PagingCookie = fetch.PagingCookie,
            };
            ReadChildren(document, root, query, isRoot: true, conditions);
            return query;
        }

        private static void ReadChildren(FetchXmlDocument document, EntityNode node, QueryDefinition query, bool isRoot, List<ConditionNode> conditions)
        {
            var children = document.Children();
            while (children.MoveNext())
            {
                switch (document.Name)
                {
                    case "attribute":
                        node.Attributes.Add(ReadAttribute(document, query, node, isRoot));
                        break;
                    case "all-attributes":
                        CheckAttributes(document, NoAttributes, "all-attributes");
                        node.AllAttributes = true;
                        break;
                    case "order":
                        node.Orders.Add(ReadOrder(document, node, isRoot));
                        break;
                    case "filter":
                        if (node.Filter != null)
                        {
                            throw Fault($"{Where(node, isRoot)} has more than one <filter>; nest them inside one");
                        }

                        node.Filter = ReadFilter(document, conditions);
                        break;
                    case "link-entity":
                        node.Links.Add(ReadLink(document, query, conditions));
                        break;
                    default:
                        throw Fault($"{Where(node, isRoot)} does not support the child element <{document.Name}>");
                }
            }
        }

        // How faults name the entity or link-entity an element sits in.
        private static string Where(EntityNode node, bool isRoot) => isRoot ? $"entity '{node.Table}'" : $"link-entity '{node.Table}'";

        private static EntityNode ReadLink(FetchXmlDocument document, QueryDefinition query, List<ConditionNode> conditions)
        {
            CheckAttributes(document, LinkAttributes, "link-entity");
            var link = new EntityNode(Required(document, "name", "link-entity"))
            {
                From = Required(document, "from", "link-entity"),
                To = Required(document, "to", "link-entity"),
                Alias = document.Attribute("alias"),
            };
            string linkType = document.Attribute("link-type") ?? "inner";
            switch (linkType)
            {
                case "inner":
                    break;
                case "outer":
                    link.Outer = true;
                    break;
                default:
                    throw Fault($"link-entity '{link.Table}': link-type '{linkType}' is not supported (inner and outer are)");
            }

            ReadChildren(document, link, query, isRoot: false, conditions);
            return link;
        }

        private static AttributeNode ReadAttribute(FetchXmlDocument document, QueryDefinition query, EntityNode node, bool isRoot)
        {
            CheckAttributes(document, AttributeAttributes, "attribute");
            var attribute = new AttributeNode(Required(document, "name", "attribute"))
            {
                Alias = document.Attribute("alias"),
                GroupBy = Bool(document.Attribute("groupby"), "attribute", "groupby"),
                Distinct = Bool(document.Attribute("distinct"), "attribute", "distinct"),
            };
            if (document.Attribute("dategrouping") != null)
            {
                throw Fault($"{Where(node, isRoot)}, attribute '{attribute.Name}': dategrouping is not supported");
            }

            var aggregate = document.Attribute("aggregate");
            if (aggregate != null)
            {
                if (!Aggregates.TryGetValue(aggregate, out var kind))
                {
                    throw Fault($"{Where(node, isRoot)}, attribute '{attribute.Name}': aggregate '{aggregate}' is not one of count, countcolumn, sum, min, max, avg");
                }

                attribute.Aggregate = kind;
            }

            if ((attribute.Aggregate != AggregateKind.None || attribute.GroupBy) && !query.Aggregate)
            {
                throw Fault($"{Where(node, isRoot)}, attribute '{attribute.Name}': aggregate and groupby need aggregate=\"true\" on <fetch>");
            }

            if (query.Aggregate && attribute.Aggregate == AggregateKind.None && !attribute.GroupBy)
            {
                throw Fault($"{Where(node, isRoot)}, attribute '{attribute.Name}': in an aggregate query every attribute needs aggregate or groupby");
            }

            if (query.Aggregate && string.IsNullOrEmpty(attribute.Alias))
            {
                throw Fault($"{Where(node, isRoot)}, attribute '{attribute.Name}': aggregate and groupby attributes need an alias");
            }

            return attribute;
        }

        private static OrderNode ReadOrder(FetchXmlDocument document, EntityNode node, bool isRoot)
        {
            CheckAttributes(document, OrderAttributes, "order");
            var order = new OrderNode
            {
                Attribute = document.Attribute("attribute"),
                Alias = document.Attribute("alias"),
                EntityName = document.Attribute("entityname"),
                Descending = Bool(document.Attribute("descending"), "order", "descending"),
            };
            if ((order.Attribute == null) == (order.Alias == null))
            {
                throw Fault($"{Where(node, isRoot)}: <order> needs exactly one of attribute or alias");
            }

            if (order.EntityName != null && !isRoot)
            {
                throw Fault($"{Where(node, isRoot)}: <order entityname> is only allowed on the root entity");
            }

            return order;
        }

        private static FilterNode ReadFilter(FetchXmlDocument document, List<ConditionNode> conditions)
        {
            CheckAttributes(document, FilterAttributes, "filter");
            string type = document.Attribute("type") ?? "and";
            if (type != "and" && type != "or")
            {
                throw Fault($"<filter type=\"{type}\">: type must be and or or");
            }

            if (document.Attribute("hint") is { } hint && (hint != "union" || type != "or"))
            {
                throw Fault($"<filter type=\"{type}\" hint=\"{hint}\">: the only hint is union, and only on an or filter");
            }

            var filter = new FilterNode { IsOr = type == "or" };
            var children = document.Children();
            while (children.MoveNext())
            {
                switch (document.Name)
                {
                    case "condition":
                        filter.Conditions.Add(ReadCondition(document, conditions));
                        break;
                    case "filter":
                        filter.Filters.Add(ReadFilter(document, conditions));
                        break;
                    default:
                        throw Fault($"<filter> does not support the child element <{document.Name}>");
                }
            }

            return filter;
        }

        private static ConditionNode ReadCondition(FetchXmlDocument document, List<ConditionNode> conditions)
        {
            CheckAttributes(document, ConditionAttributes, "condition");
            string attribute = Required(document, "attribute", "condition");
            string operatorName = Required(document, "operator", "condition");
            string description = $"condition on '{attribute}' with operator '{operatorName}'";
            if (document.Attribute("valueof") != null)
            {
                throw Fault($"{description}: valueof (column comparison) is not supported");
            }

            if (!Operators.TryGetValue(operatorName, out var op))
            {
                throw Fault($"{description}: operator '{operatorName}' is not supported");
            }

            var entityName = document.Attribute("entityname");
            var values = new List<object?>();
            var single = document.Attribute("value");
            if (single != null)
            {
                values.Add(single);
            }

            var children = document.Children();
            while (children.MoveNext())
            {
                if (document.Name != "value")
                {
                    throw Fault($"{description}: <condition> does not support the child element <{document.Name}>");
                }

                CheckAttributes(document, ValueAttributes, "value");
                values.Add(document.Text());
            }

            CheckValueCount(op, values.Count, description);
            var condition = new ConditionNode(attribute, op, values, description) { EntityName = entityName };
            conditions.Add(condition);
            return condition;
        }

        // Also used for QueryExpression conditions, so both languages reject the same mistakes.
        internal static void CheckValueCount(ConditionOp op, int count, string description)
        {
            switch (op)
            {
                case ConditionOp.Null:
                case ConditionOp.NotNull:
                    if (count != 0)
                    {
                        throw Fault($"{description}: this operator takes no value");
                    }

                    break;
                case ConditionOp.In:
                case ConditionOp.NotIn:
                    if (count == 0)
                    {
                        throw Fault($"{description}: this operator needs at least one value");
                    }

                    break;
                case ConditionOp.Between:
                case ConditionOp.NotBetween:
                    if (count != 2)
                    {
                        throw Fault($"{description}: this operator needs exactly two values, found {count}");
                    }

                    break;
                default:
                    if (count != 1)
                    {
                        throw Fault($"{description}: this operator needs exactly one value, found {count}");
                    }

                    break;
            }
        }

        private static void CheckAttributes(FetchXmlDocument document, ISet<string> allowed, string elementName)
        {
            if (document.FirstAttributeOutside(allowed) is { } unsupported)
            {
                throw Fault($"<{elementName}> does not support the attribute '{unsupported}'");
            }
        }

        private static string Required(FetchXmlDocument document, string attribute, string elementName)
        {
            var value = document.Attribute(attribute);
            if (string.IsNullOrEmpty(value))
            {
                throw Fault($"<{elementName}> is missing its required attribute '{attribute}'");
            }

            return value!;
        }

        private static bool Bool(string? value, string elementName, string attribute)
        {
            switch (value)
            {
                case null:
                case "false":
                case "0":
                    return false;
                case "true":
                case "1":
                    return true;
                default:
                    throw Fault($"<{elementName}> attribute '{attribute}' must be true or false, not '{value}'");
            }
        }

        private static int? PositiveInt(string? value, string elementName, string attribute)
        {
            if (value == null)
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
            {
                throw Fault($"<{elementName}> attribute '{attribute}' must be a positive whole number, not '{value}'");
            }

            return number;
        }

        // The root's attributes, read when the root is; their values are checked once the entity's own are,
        // as they were on a parsed tree.
        private readonly struct FetchOptions
        {
            public FetchOptions(FetchXmlDocument document)
            {
                Distinct = document.Attribute("distinct");
                Aggregate = document.Attribute("aggregate");
                ReturnTotalRecordCount = document.Attribute("returntotalrecordcount");
                Top = document.Attribute("top");
                Count = document.Attribute("count");
                Page = document.Attribute("page");
                PagingCookie = document.Attribute("paging-cookie");
            }

            public string? Distinct { get; }

            public string? Aggregate { get; }

            public string? ReturnTotalRecordCount { get; }

            public string? Top { get; }

            public string? Count { get; }

            public string? Page { get; }

            public string? PagingCookie { get; }
        }

        private static ISet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);

        private static DataverseFault Fault(string problem) => DataverseFault.InvalidArgument("Invalid FetchXML: " + problem + ".");
    }
}
