using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Query
{
    // Parses FetchXML once per shape (FetchXmlShape): a query whose text differs from one parsed before only in its
    // condition values is that query's tree copied with its own values. A plugin's queries are few shapes filled with
    // each record's ids and dates, and reading the XML was the largest part of a small query's cost (the policy read,
    // 1.15 % of the samples of scoring 20,000 accounts, of which parsing was more than half; 4.4 % for every query).
    // The most recently used shapes are kept, a fixed number, by every organisation of the process.
    internal sealed class FetchXmlCache
    {
        public const int DefaultShapes = 32;

        private readonly object _gate = new object();
        private readonly List<Entry> _recent = new List<Entry>();
        private readonly int _shapes;

        public FetchXmlCache(int shapes = DefaultShapes)
        {
            _shapes = shapes;
        }

        public static FetchXmlCache Shared { get; } = new FetchXmlCache();

        public QueryDefinition Parse(string? fetchXml) => Parse(fetchXml, out _);

        // What FetchXmlParser.Parse gives, faults included; reused says the tree was copied from a shape's, not parsed.
        public QueryDefinition Parse(string? fetchXml, out bool reused)
        {
            reused = false;
            var shape = fetchXml == null ? null : FetchXmlShape.Of(fetchXml);
            if (shape == null)
            {
                return FetchXmlParser.Parse(fetchXml);
            }

            var known = Find(shape);
            if (known != null)
            {
                reused = true;
                return known.Copy(shape);
            }

            var conditions = new List<ConditionNode>();
            var parsed = FetchXmlParser.Parse(fetchXml, conditions);
            var entry = Entry.From(shape, parsed, conditions);
            if (entry == null)
            {
                return parsed;
            }

            Keep(entry);
            return entry.Copy(shape);
        }

        private Entry? Find(FetchXmlShape shape)
        {
            lock (_gate)
            {
                for (int index = 0; index < _recent.Count; index++)
                {
                    var entry = _recent[index];
                    if (entry.Shape.SameAs(shape))
                    {
                        _recent.RemoveAt(index);
                        _recent.Insert(0, entry);
                        return entry;
                    }
                }
            }

            return null;
        }

        private void Keep(Entry entry)
        {
            lock (_gate)
            {
                _recent.Insert(0, entry);
                if (_recent.Count > _shapes)
                {
                    _recent.RemoveAt(_recent.Count - 1);
                }
            }
        }

        // A shape and the tree its text parsed into, never handed out; where each condition's values begin among the shape's.
        private sealed class Entry
        {
            private readonly QueryDefinition _parsed;
            private readonly Dictionary<ConditionNode, int> _firstValue;

            private Entry(FetchXmlShape shape, QueryDefinition parsed, Dictionary<ConditionNode, int> firstValue)
            {
                Shape = shape;
                _parsed = parsed;
                _firstValue = firstValue;
            }

            public FetchXmlShape Shape { get; }

            // Null unless the parse read exactly the shape's values, in its order: then the shape says where every value is.
            public static Entry? From(FetchXmlShape shape, QueryDefinition parsed, List<ConditionNode> conditions)
            {
                var firstValue = new Dictionary<ConditionNode, int>(ReferenceEqualityComparer.Instance);
                int next = 0;
                foreach (var condition in conditions)
                {
                    firstValue.Add(condition, next);
                    foreach (var value in condition.Values)
                    {
                        if (next >= shape.Values.Count || value is not string text || !shape.ValueSpan(next).SequenceEqual(text))
                        {
                            return null;
                        }

                        next++;
                    }
                }

                return next == shape.Values.Count ? new Entry(shape, parsed, firstValue) : null;
            }

            // The tree with the values of another text of the same shape; a value written as the parsed one is that string.
            public QueryDefinition Copy(FetchXmlShape other) => QueryCopy.With(_parsed, condition =>
            {
                int first = _firstValue[condition];
                var values = new object?[condition.Values.Count];
                for (int index = 0; index < values.Length; index++)
                {
                    var text = other.ValueSpan(first + index);
                    values[index] = text.SequenceEqual((string)condition.Values[index]!) ? condition.Values[index] : text.ToString();
                }

                return values;
            });
        }
    }
}
