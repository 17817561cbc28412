using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.InMemory.Query;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>
    /// Compares two parsed query trees property by property, through every node, and notes which properties of the
    /// model held something other than their default: the proof that a comparison looked at each of them.
    /// </summary>
    internal sealed class QueryTrees
    {
        // Made on first use by the evaluator, from the node's own properties: not part of what a parse says.
        private static readonly HashSet<string> Derived = new() { "EntityNode.ToReader", "AttributeNode.Reader", "ConditionNode.Reader", "ConditionNode.Matcher" };

        public List<string> Differences { get; } = new();

        /// <summary>Type.Property of every property that held a value other than its default in an expected tree.</summary>
        public HashSet<string> Seen { get; } = new();

        public static IEnumerable<string> ModelProperties() =>
            new[] { typeof(QueryDefinition), typeof(EntityNode), typeof(AttributeNode), typeof(FilterNode), typeof(ConditionNode), typeof(OrderNode) }
                .SelectMany(type => type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Select(p => $"{type.Name}.{p.Name}"))
                .Where(name => !Derived.Contains(name));

        public QueryTrees Compare(QueryDefinition expected, QueryDefinition actual)
        {
            Node(expected, actual, "query");
            return this;
        }

        private void Node(object expected, object actual, string path)
        {
            if (ReferenceEquals(expected, actual))
            {
                Differences.Add($"{path}: the same object, not a copy");
                return;
            }

            var type = expected.GetType();
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                var name = $"{type.Name}.{property.Name}";
                if (Derived.Contains(name))
                {
                    continue;
                }

                Value(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", name);
            }
        }

        private void Value(object? expected, object? actual, string path, string property)
        {
            if (expected == null || actual == null)
            {
                if (expected != null || actual != null)
                {
                    Differences.Add($"{path}: {expected ?? "null"} against {actual ?? "null"}");
                }

                if (expected != null)
                {
                    Seen.Add(property);
                }

                return;
            }

            if (expected is string || expected.GetType().IsValueType)
            {
                if (!expected.Equals(actual))
                {
                    Differences.Add($"{path}: '{expected}' against '{actual}'");
                }

                if (!expected.Equals(expected is string ? string.Empty : Activator.CreateInstance(expected.GetType())))
                {
                    Seen.Add(property);
                }

                return;
            }

            if (expected is IEnumerable items)
            {
                var left = items.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                if (left.Count != right.Count)
                {
                    Differences.Add($"{path}: {left.Count} items against {right.Count}");
                    return;
                }

                if (left.Count > 0)
                {
                    Seen.Add(property);
                }

                for (int index = 0; index < left.Count; index++)
                {
                    Value(left[index], right[index], $"{path}[{index}]", property);
                }

                return;
            }

            Seen.Add(property);
            Node(expected, actual, path);
        }
    }
}
