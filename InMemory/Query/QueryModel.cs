using System.Collections.Generic;
using LoyaltyHealth.InMemory.Storage;

namespace LoyaltyHealth.InMemory.Query
{
    // One shape for both query languages: FetchXML and QueryExpression are translated into it and a single
    // evaluator runs it.
    internal sealed class QueryDefinition
    {
        public QueryDefinition(EntityNode root)
        {
            Root = root;
        }

        public EntityNode Root { get; }

        public bool Distinct { get; set; }

        public bool Aggregate { get; set; }

        public int? Top { get; set; }

        public int? PageSize { get; set; }

        public int? Page { get; set; }

        public string? PagingCookie { get; set; }

        public bool ReturnTotalRecordCount { get; set; }
    }

    // The root entity or a link-entity. For a link, From is the column on this (linked) table and To the
    // column on the parent, as in FetchXML.
    internal sealed class EntityNode
    {
        public EntityNode(string table)
        {
            Table = table;
        }

        public string Table { get; }

        public string? Alias { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public bool Outer { get; set; }

        public bool AllAttributes { get; set; }

        public List<AttributeNode> Attributes { get; } = new List<AttributeNode>();

        public FilterNode? Filter { get; set; }

        public List<OrderNode> Orders { get; } = new List<OrderNode>();

        public List<EntityNode> Links { get; } = new List<EntityNode>();

        // Reads the parent's column this link joins to.
        public ColumnReader ToReader => _toReader ??= new ColumnReader(To!);

        private ColumnReader? _toReader;

        // Position of this node's row in a joined tuple: 0 for the root, then links in document order.
        public int Slot { get; set; }

        // The alias results and entityname refer to: the explicit alias, or Dataverse's "{name}{n}".
        public string EffectiveAlias { get; set; } = string.Empty;
    }

    internal enum AggregateKind
    {
        None,
        Count,
        CountColumn,
        Sum,
        Min,
        Max,
        Avg,
    }

    internal sealed class AttributeNode
    {
        public AttributeNode(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string? Alias { get; set; }

        // The key a projected row holds the value under: the alias, else the column (on a link, behind the
        // link's alias); set once the links are numbered.
        public string ResultName { get; set; } = string.Empty;

        public AggregateKind Aggregate { get; set; }

        public bool GroupBy { get; set; }

        public bool Distinct { get; set; }

        public ColumnReader Reader => _reader ??= new ColumnReader(Name);

        private ColumnReader? _reader;
    }

    internal sealed class FilterNode
    {
        public bool IsOr { get; set; }

        public List<ConditionNode> Conditions { get; } = new List<ConditionNode>();

        public List<FilterNode> Filters { get; } = new List<FilterNode>();
    }

    internal enum ConditionOp
    {
        Equal,
        NotEqual,
        GreaterThan,
        GreaterEqual,
        LessThan,
        LessEqual,
        In,
        NotIn,
        Null,
        NotNull,
        Like,
        NotLike,
        BeginsWith,
        NotBeginWith,
        EndsWith,
        NotEndWith,
        On,
        OnOrAfter,
        OnOrBefore,
        Between,
        NotBetween,
    }

    internal sealed class ConditionNode
    {
        public ConditionNode(string attribute, ConditionOp op, IReadOnlyList<object?> values, string description)
        {
            Attribute = attribute;
            Op = op;
            Values = values;
            Description = description;
        }

        public string? EntityName { get; set; }

        public string Attribute { get; }

        public ConditionOp Op { get; }

        // Strings from FetchXML, typed values from QueryExpression; converted per column type when compared.
        public IReadOnlyList<object?> Values { get; }

        // How the condition reads in its source, for fault messages.
        public string Description { get; }

        public int Slot { get; set; }

        // Tests stored values against the condition, with its literals converted once per column type.
        public ConditionMatcher Matcher => _matcher ??= new ConditionMatcher(this);

        public ColumnReader Reader => _reader ??= new ColumnReader(Attribute);

        private ColumnReader? _reader;

        private ConditionMatcher? _matcher;
    }

    internal sealed class OrderNode
    {
        public string? Attribute { get; set; }

        public string? Alias { get; set; }

        public string? EntityName { get; set; }

        public bool Descending { get; set; }

        public int Slot { get; set; }
    }
}
