using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Storage
{
    // One normal form for equality across the types Dataverse treats as the same value: a lookup and its
    // Guid, an option set and its number, any numeric type, strings without regard to case (the
    // database collation is case-insensitive).
    internal static class IndexKey
    {
        // The key of an id or a lookup, unboxed; false for every other value.
        public static bool TryGuid(object? value, out Guid id)
        {
            switch (value)
            {
                case EntityReference reference:
                    id = reference.Id;
                    return true;
                case Guid guid:
                    id = guid;
                    return true;
                default:
                    id = Guid.Empty;
                    return false;
            }
        }

        public static object? Of(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case EntityReference reference:
                    return reference.Id;
                case Guid _:
                    return value;
                case OptionSetValue option:
                    return (decimal)option.Value;
                case Money money:
                    return money.Value;
                case int number:
                    return (decimal)number;
                case long number:
                    return (decimal)number;
                case short number:
                    return (decimal)number;
                case decimal _:
                    return value;
                case double number:
                    return number >= (double)decimal.MinValue && number <= (double)decimal.MaxValue ? (decimal)number : number;
                case float number:
                    return (decimal)number;
                case string text:
                    return text.ToLowerInvariant();
                case DateTime time:
                    return Utc(time);
                default:
                    return value;
            }
        }

        public static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
    }
}
