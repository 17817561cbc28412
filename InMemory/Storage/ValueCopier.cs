using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Storage
{
    // Deep copies on the way in and out, so no caller ever holds an object the store also holds.
    internal static class ValueCopier
    {
        // Dataverse keeps date-times in UTC; an unspecified kind is taken as UTC already.
        public static object? CopyIn(string column, object? value) => In(column, value, copy: true);

        // CopyIn's checks and conversions without the copy: for values whose caller hands them over to the
        // store and never touches them again (rows decoded only to be seeded), so nothing outside holds them.
        public static object? TakeIn(string column, object? value) => In(column, value, copy: false);

        private static object? In(string column, object? value, bool copy)
        {
            switch (value)
            {
                case null:
                    return null;
                case DateTime time:
                    // A boxed value cannot be changed, so one already in UTC is kept as it is, like a boxed number.
                    return time.Kind == DateTimeKind.Utc ? value
                        : time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
                case AliasedValue _:
                    throw DataverseFault.InvalidArgument($"Column '{column}' holds an AliasedValue: aliased values only come back from queries and cannot be written.");
                case EntityCollection _:
                    throw DataverseFault.InvalidArgument($"Column '{column}' holds an EntityCollection, which only party-list columns of activity tables accept.");
                default:
                    return Copy(column, value, copy);
            }
        }

        public static object? CopyOut(object? value) => value == null ? null : Copy(string.Empty, value);

        public static Entity CopyEntity(Entity source)
        {
            var copy = new Entity(source.LogicalName, source.Id)
            {
                RowVersion = source.RowVersion,
                EntityState = source.EntityState,
            };
            foreach (var attribute in source.Attributes)
            {
                copy.Attributes[attribute.Key] = attribute.Value == null ? null : Copy(attribute.Key, attribute.Value);
            }

            foreach (var key in source.KeyAttributes)
            {
                copy.KeyAttributes[key.Key] = key.Value == null ? null : Copy(key.Key, key.Value);
            }

            foreach (var formatted in source.FormattedValues)
            {
                copy.FormattedValues[formatted.Key] = formatted.Value;
            }

            return copy;
        }

        // Without `copy`, only checks that the value is of a type Dataverse stores.
        private static object Copy(string column, object value, bool copy = true)
        {
            switch (value)
            {
                case string _:
                case int _:
                case long _:
                case short _:
                case decimal _:
                case double _:
                case float _:
                case bool _:
                case Guid _:
                case DateTime _:
                case byte _:
                    return value;
                case OptionSetValue option:
                    return copy ? new OptionSetValue(option.Value) : value;
                case Money money:
                    return copy ? new Money(money.Value) : value;
                case EntityReference reference:
                    return copy ? new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name, RowVersion = reference.RowVersion } : value;
                case OptionSetValueCollection options:
                    return copy ? new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()) : value;
                case EntityCollection collection:
                    return copy ? new EntityCollection(collection.Entities.Select(CopyEntity).ToList()) { EntityName = collection.EntityName } : value;
                case AliasedValue aliased:
                    return copy ? new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, aliased.Value == null ? null : Copy(column, aliased.Value)) : value;
                case Entity entity:
                    return copy ? CopyEntity(entity) : value;
                case byte[] bytes:
                    return copy ? bytes.Clone() : value;
                default:
                    throw DataverseFault.InvalidArgument(
                        $"Column '{column}' holds a {value.GetType().FullName}, which is not a type Dataverse stores.");
            }
        }
    }
}
