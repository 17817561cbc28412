using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.InMemory.Query
{
    // Reads FetchXML into a QueryDefinition. Anything it does not understand is a fault naming the element
    // or attribute: a query must never silently mean less than it says.
    internal static class FetchXmlParser
    {
        private static readonly ISet<string> FetchAttributes = Set(
            "version", "mapping", "output-format", "no-lock", "count", "page", "paging-cookie", "distinct", "top", "aggregate", "returntotalrecordcount");

        private static readonly ISet<string> EntityAttributes = Set("name");

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

        public static QueryDefinition Parse(string? fetchXml)
        {
            if (string.IsNullOrWhiteSpace(fetchXml))
            {
                throw Fault("the FetchXML is empty");
            }

            XDocument document;
            try
            {
                document = XDocument.Parse(fetchXml, LoadOptions.None);
            }
            catch (XmlException e)
            {
                throw Fault("the FetchXML is not well-formed XML: " + e.Message);
            }

            var fetch = document.Root!;
            if (fetch.Name.LocalName != "fetch")
            {
                throw Fault($"the root element is <{fetch.Name.LocalName}>, expected <fetch>");
            }

            CheckAttributes(fetch, FetchAttributes, "fetch");
            if (fetch.Descendants("filter").Count(f => f.Attribute("hint") != null) > 1)
            {
                throw Fault("a query can hold only one union hint");
            }

            var entities = fetch.Elements().ToList();
            foreach (var child in entities.Where(e => e.Name.LocalName != "entity"))
            {
                throw Fault($"<fetch> does not support the child element <{child.Name.LocalName}>");
            }

            if (entities.Count != 1)
            {
                throw Fault($"<fetch> needs exactly one <entity> element, found {entities.Count}");
            }

            var entityElement = entities[0];
            CheckAttributes(entityElement, EntityAttributes, "entity");
            var root = new EntityNode(Required(entityElement, "name", "entity"));
            var query = new QueryDefinition(root)
            {
                Distinct = Bool(fetch, "distinct"),
                Aggregate = Bool(fetch, "aggregate"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
                Top = PositiveInt(fetch, "top"),
                PageSize = PositiveInt(fetch, "count"),
                Page = PositiveInt(fetch, "page"),
                PagingCookie = (string?)fetch.Attribute("paging-cookie"),
            };
            ReadChildren(entityElement, root, query, isRoot: true);
            return query;
        }

        private static void ReadChildren(XElement element, EntityNode node, QueryDefinition query, bool isRoot)
        {
            string where = isRoot ? $"entity '{node.Table}'" : $"link-entity '{node.Table}'";
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "attribute":
                        node.Attributes.Add(ReadAttribute(child, query, where));
                        break;
                    case "all-attributes":
                        CheckAttributes(child, Set(), "all-attributes");
                        node.AllAttributes = true;
                        break;
                    case "order":
                        node.Orders.Add(ReadOrder(child, isRoot, where));
                        break;
                    case "filter":
                        if (node.Filter != null)
                        {
                            throw Fault($"{where} has more than one <filter>; nest them inside one");
                        }

                        node.Filter = ReadFilter(child);
                        break;
                    case "link-entity":
                        node.Links.Add(ReadLink(child, query));
                        break;
                    default:
                        throw Fault($"{where} does not support the child element <{child.Name.LocalName}>");
                }
            }
        }

        private static EntityNode ReadLink(XElement element, QueryDefinition query)
        {
            CheckAttributes(element, LinkAttributes, "link-entity");
            var link = new EntityNode(Required(element, "name", "link-entity"))
            {
                From = Required(element, "from", "link-entity"),
                To = Required(element, "to", "link-entity"),
                Alias = (string?)element.Attribute("alias"),
            };
            string linkType = (string?)element.Attribute("link-type") ?? "inner";
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

            ReadChildren(element, link, query, isRoot: false);
            return link;
        }

        private static AttributeNode ReadAttribute(XElement element, QueryDefinition query, string where)
        {
            CheckAttributes(element, AttributeAttributes, "attribute");
            var attribute = new AttributeNode(Required(element, "name", "attribute"))
            {
                Alias = (string?)element.Attribute("alias"),
                GroupBy = Bool(element, "groupby"),
                Distinct = Bool(element, "distinct"),
            };
            if (element.Attribute("dategrouping") != null)
            {
                throw Fault($"{where}, attribute '{attribute.Name}': dategrouping is not supported");
            }

            var aggregate = (string?)element.Attribute("aggregate");
            if (aggregate != null)
            {
                if (!Aggregates.TryGetValue(aggregate, out var kind))
                {
                    throw Fault($"{where}, attribute '{attribute.Name}': aggregate '{aggregate}' is not one of count, countcolumn, sum, min, max, avg");
                }

                attribute.Aggregate = kind;
            }

            if ((attribute.Aggregate != AggregateKind.None || attribute.GroupBy) && !query.Aggregate)
            {
                throw Fault($"{where}, attribute '{attribute.Name}': aggregate and groupby need aggregate=\"true\" on <fetch>");
            }

            if (query.Aggregate && attribute.Aggregate == AggregateKind.None && !attribute.GroupBy)
            {
                throw Fault($"{where}, attribute '{attribute.Name}': in an aggregate query every attribute needs aggregate or groupby");
            }

            if (query.Aggregate && string.IsNullOrEmpty(attribute.Alias))
            {
                throw Fault($"{where}, attribute '{attribute.Name}': aggregate and groupby attributes need an alias");
            }

            return attribute;
        }

        private static OrderNode ReadOrder(XElement element, bool isRoot, string where)
        {
            CheckAttributes(element, OrderAttributes, "order");
            var order = new OrderNode
            {
                Attribute = (string?)element.Attribute("attribute"),
                Alias = (string?)element.Attribute("alias"),
                EntityName = (string?)element.Attribute("entityname"),
                Descending = Bool(element, "descending"),
            };
            if ((order.Attribute == null) == (order.Alias == null))
            {
                throw Fault($"{where}: <order> needs exactly one of attribute or alias");
            }

            if (order.EntityName != null && !isRoot)
            {
                throw Fault($"{where}: <order entityname> is only allowed on the root entity");
            }

            return order;
        }

        private static FilterNode ReadFilter(XElement element)
        {
            CheckAttributes(element, FilterAttributes, "filter");
            string type = (string?)element.Attribute("type") ?? "and";
            if (type != "and" && type != "or")
            {
                throw Fault($"<filter type=\"{type}\">: type must be and or or");
            }

            if (element.Attribute("hint") is { } hint && (hint.Value != "union" || type != "or"))
            {
                throw Fault($"<filter type=\"{type}\" hint=\"{hint.Value}\">: the only hint is union, and only on an or filter");
            }

            var filter = new FilterNode { IsOr = type == "or" };
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition":
                        filter.Conditions.Add(ReadCondition(child));
                        break;
                    case "filter":
                        filter.Filters.Add(ReadFilter(child));
                        break;
                    default:
                        throw Fault($"<filter> does not support the child element <{child.Name.LocalName}>");
                }
            }

            return filter;
        }

        private static ConditionNode ReadCondition(XElement element)
        {
            CheckAttributes(element, ConditionAttributes, "condition");
            string attribute = Required(element, "attribute", "condition");
            string operatorName = Required(element, "operator", "condition");
            string description = $"condition on '{attribute}' with operator '{operatorName}'";
            if (element.Attribute("valueof") != null)
            {
                throw Fault($"{description}: valueof (column comparison) is not supported");
            }

            if (!Operators.TryGetValue(operatorName, out var op))
            {
                throw Fault($"{description}: operator '{operatorName}' is not supported");
            }

            var values = new List<object?>();
            var single = (string?)element.Attribute("value");
            if (single != null)
            {
                values.Add(single);
            }

            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName != "value")
                {
                    throw Fault($"{description}: <condition> does not support the child element <{child.Name.LocalName}>");
                }

                CheckAttributes(child, ValueAttributes, "value");
                values.Add(child.Value);
            }

            CheckValueCount(op, values.Count, description);
            return new ConditionNode(attribute, op, values, description) { EntityName = (string?)element.Attribute("entityname") };
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

        private static void CheckAttributes(XElement element, ISet<string> allowed, string elementName)
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    continue;
                }

                if (!allowed.Contains(attribute.Name.LocalName))
                {
                    throw Fault($"<{elementName}> does not support the attribute '{attribute.Name.LocalName}'");
                }
            }
        }

        private static string Required(XElement element, string attribute, string elementName)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrEmpty(value))
            {
                throw Fault($"<{elementName}> is missing its required attribute '{attribute}'");
            }

            return value!;
        }

        private static bool Bool(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
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
                    throw Fault($"<{element.Name.LocalName}> attribute '{attribute}' must be true or false, not '{value}'");
            }
        }

        private static int? PositiveInt(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (value == null)
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < 1)
            {
                throw Fault($"<{element.Name.LocalName}> attribute '{attribute}' must be a positive whole number, not '{value}'");
            }

            return number;
        }

        private static ISet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);

        private static DataverseFault Fault(string problem) => DataverseFault.InvalidArgument("Invalid FetchXML: " + problem + ".");
    }
}
