using System;
using System.Globalization;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Query
{
    // The type of a column is the type of the value stored in it; a query literal (FetchXML text or a
    // QueryExpression object) is converted to that type before comparing, the way SQL converts a
    // parameter to the column type.
    internal static class ValueComparison
    {
        private const DateTimeStyles UtcStyles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

        // The comparable form of a stored value: numbers as decimal (or double), lookups and ids as Guid,
        // option sets as their number, money as decimal, date-times in UTC.
        public static object Normalize(object stored)
        {
            switch (stored)
            {
                case EntityReference reference:
                    return reference.Id;
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
                case float number:
                    return (double)number;
                case DateTime time:
                    return IndexKey.Of(time)!;
                default:
                    return stored;
            }
        }

        // Converts a literal to the comparable type of `normalizedTarget`, or throws a fault naming the condition.
        public static object ConvertLiteral(object literal, object normalizedTarget, string description)
        {
            try
            {
                var converted = TryConvert(literal, normalizedTarget);
                if (converted != null)
                {
                    return converted;
                }
            }
            catch (FormatException)
            {
            }
            catch (OverflowException)
            {
            }

            throw DataverseFault.InvalidArgument(
                $"{description}: the value '{Describe(literal)}' cannot be compared with a column holding {normalizedTarget.GetType().Name} values.");
        }

        public static int Compare(object normalizedLeft, object normalizedRight)
        {
            switch (normalizedLeft)
            {
                case string text:
                    return string.Compare(text, (string)normalizedRight, StringComparison.OrdinalIgnoreCase);
                case decimal number:
                    return CompareNumber(number, normalizedRight);
                case double number:
                    return number.CompareTo(Convert.ToDouble(normalizedRight, CultureInfo.InvariantCulture));
                case Guid id:
                    return SqlGuidComparer.Instance.Compare(id, (Guid)normalizedRight);
                case IComparable comparable when normalizedLeft.GetType() == normalizedRight.GetType():
                    return comparable.CompareTo(normalizedRight);
                default:
                    throw DataverseFault.InvalidArgument($"Values of type {normalizedLeft.GetType().Name} cannot be compared or ordered.");
            }
        }

        public static int CompareNumber(decimal number, object normalizedRight) =>
            normalizedRight is double other ? ((double)number).CompareTo(other) : number.CompareTo((decimal)normalizedRight);

        // Ordering of two stored values of one column: nulls first, as SQL Server sorts them ascending.
        public static int CompareStored(object? left, object? right)
        {
            if (left == null || right == null)
            {
                return left == null ? (right == null ? 0 : -1) : 1;
            }

            var normalizedLeft = Normalize(left);
            var normalizedRight = Normalize(right);
            if (normalizedLeft.GetType() != normalizedRight.GetType() && !(normalizedLeft is decimal && normalizedRight is double) && !(normalizedLeft is double && normalizedRight is decimal))
            {
                return string.CompareOrdinal(normalizedLeft.GetType().Name, normalizedRight.GetType().Name);
            }

            return Compare(normalizedLeft, normalizedRight);
        }

        private static object? TryConvert(object literal, object target)
        {
            switch (target)
            {
                case string _:
                    return literal is string text ? text : Convert.ToString(Normalize(literal), CultureInfo.InvariantCulture);
                case decimal _:
                    return literal is string numberText
                        ? decimal.Parse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : Normalize(literal) is decimal number ? number
                        : Normalize(literal) is double real ? (decimal)real
                        : null;
                case double _:
                    return literal is string realText
                        ? double.Parse(realText, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : Normalize(literal) is decimal asDecimal ? (double)asDecimal
                        : Normalize(literal) is double asDouble ? asDouble
                        : null;
                case bool _:
                    return literal switch
                    {
                        bool flag => flag,
                        string flagText when flagText == "1" || string.Equals(flagText, "true", StringComparison.OrdinalIgnoreCase) => true,
                        string flagText when flagText == "0" || string.Equals(flagText, "false", StringComparison.OrdinalIgnoreCase) => false,
                        int flagNumber when flagNumber == 0 || flagNumber == 1 => flagNumber == 1,
                        _ => null,
                    };
                case Guid _:
                    return literal switch
                    {
                        Guid id => id,
                        EntityReference reference => reference.Id,
                        string idText => Guid.Parse(idText),
                        _ => null,
                    };
                case DateTime _:
                    return literal switch
                    {
                        DateTime time => IndexKey.Of(time),
                        string timeText => DateTime.Parse(timeText, CultureInfo.InvariantCulture, UtcStyles),
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        private static string Describe(object literal) => literal is string text ? text : literal.GetType().Name + " " + literal;
    }
}
