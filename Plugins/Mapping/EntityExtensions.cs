using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>Null-tolerant reads of columns, including columns of linked tables (aliased values).</summary>
    public static class EntityExtensions
    {
        public static T? Aliased<T>(this Entity entity, string alias, string column) => entity.Linked<T>(QueryAliases.Linked(alias, column));

        /// <summary>A linked column's value by the name it comes back under (<see cref="QueryAliases.Linked"/>), for names made once.</summary>
        public static T? Linked<T>(this Entity entity, string linkedName)
        {
            if (!entity.Attributes.TryGetValue(linkedName, out var raw) || raw is null) return default;
            var value = raw is AliasedValue aliased ? aliased.Value : raw;
            return value is T typed ? typed : default;
        }

        public static int? OptionValue(this Entity entity, string column) => entity.GetAttributeValue<OptionSetValue>(column)?.Value;

        public static int? LinkedOptionValue(this Entity entity, string linkedName) => entity.Linked<OptionSetValue>(linkedName)?.Value;

        public static decimal? LinkedMoney(this Entity entity, string linkedName) => entity.Linked<Money>(linkedName)?.Value;

        /// <summary>The id a lookup points at when it points at the given table; otherwise null.</summary>
        public static Guid? ReferenceTo(this Entity entity, string column, string table)
        {
            var reference = entity.GetAttributeValue<EntityReference>(column);
            return reference is not null && reference.LogicalName == table && reference.Id != Guid.Empty ? reference.Id : null;
        }

        /// <summary>The value of a column from the target, or from the image when the target does not carry it.</summary>
        public static T? Coalesce<T>(this Entity? target, Entity? image, string column) =>
            target is not null && target.Contains(column) ? target.GetAttributeValue<T>(column)
            : image is not null ? image.GetAttributeValue<T>(column)
            : default;
    }
}
