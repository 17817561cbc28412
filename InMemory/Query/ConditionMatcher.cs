using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Query
{
    // Tests one condition against a stored value with SQL semantics: every operator but null/not-null is
    // false on a null value (so ne and not-in never return rows where the column is empty). Literal
    // conversions are cached per column type, so a scan of millions of rows parses each literal once.
    internal sealed class ConditionMatcher
    {
        private readonly ConditionNode _condition;
        // Made once a second column type is met: a condition mostly meets one, and a query's conditions are made anew for every query.
        private Dictionary<Type, object?[]>? _converted;
        private Regex? _like;

        // The last conversion used: a condition mostly meets one column type, so the dictionary is skipped.
        private Type? _lastType;
        private object?[]? _lastLiterals;

        public ConditionMatcher(ConditionNode condition)
        {
            _condition = condition;
        }

        public ConditionNode Condition => _condition;

        public bool Matches(object? stored)
        {
            switch (_condition.Op)
            {
                case ConditionOp.Null:
                    return stored == null;
                case ConditionOp.NotNull:
                    return stored != null;
            }

            if (stored == null)
            {
                return false;
            }

            if (stored is Microsoft.Xrm.Sdk.EntityCollection || stored is Microsoft.Xrm.Sdk.OptionSetValueCollection)
            {
                throw DataverseFault.InvalidArgument($"{_condition.Description}: party-list and multi-select columns cannot be filtered this way.");
            }

            // Lookups, choices and dates, the most filtered values, are compared unboxed: Normalize's conversions, without a box per row.
            if (IsComparison(_condition.Op))
            {
                switch (stored)
                {
                    case EntityReference reference:
                        return Compared(new IdValue(reference.Id), Literals(GuidSample));
                    case Guid id:
                        return Compared(new IdValue(id), Literals(GuidSample));
                    case OptionSetValue option:
                        return Compared(new NumberValue(option.Value), Literals(DecimalSample));
                    case DateTime time:
                        return Compared(new TimeValue(IndexKey.Utc(time)), Literals(DateTimeSample));
                    default:
                        var normalized = ValueComparison.Normalize(stored);
                        return Compared(new NormalizedValue(normalized), Literals(normalized));
                }
            }

            var value = ValueComparison.Normalize(stored);
            var literals = Literals(value);
            switch (_condition.Op)
            {
                case ConditionOp.Like:
                    return Like(value);
                case ConditionOp.NotLike:
                    return !Like(value);
                case ConditionOp.BeginsWith:
                    return Text(value).StartsWith(Text(literals[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOp.NotBeginWith:
                    return !Text(value).StartsWith(Text(literals[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOp.EndsWith:
                    return Text(value).EndsWith(Text(literals[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOp.NotEndWith:
                    return !Text(value).EndsWith(Text(literals[0]), StringComparison.OrdinalIgnoreCase);
                case ConditionOp.On:
                    return Date(value) == Date(literals[0]);
                case ConditionOp.OnOrAfter:
                    return Date(value) >= Date(literals[0]);
                case ConditionOp.OnOrBefore:
                    return Date(value) <= Date(literals[0]);
                default:
                    throw DataverseFault.InvalidArgument($"{_condition.Description}: the operator is not supported.");
            }
        }

        private object?[] Literals(object normalizedTarget)
        {
            var type = normalizedTarget.GetType();
            if (ReferenceEquals(type, _lastType))
            {
                return _lastLiterals!;
            }

            if (_lastType != null && _converted == null)
            {
                _converted = new Dictionary<Type, object?[]> { [_lastType] = _lastLiterals! };
            }

            if (_converted == null || !_converted.TryGetValue(type, out var literals))
            {
                literals = new object?[_condition.Values.Count];
                for (int i = 0; i < literals.Length; i++)
                {
                    var literal = _condition.Values[i];
                    literals[i] = literal == null ? null : ValueComparison.ConvertLiteral(literal, normalizedTarget, _condition.Description);
                }

                _converted?.Add(type, literals);
            }

            _lastType = type;
            _lastLiterals = literals;
            return literals;
        }

        private static readonly object GuidSample = Guid.Empty;
        private static readonly object DecimalSample = 0m;
        private static readonly object DateTimeSample = default(DateTime);

        private static bool IsComparison(ConditionOp op) => op switch
        {
            ConditionOp.Equal or ConditionOp.NotEqual or ConditionOp.GreaterThan or ConditionOp.GreaterEqual or ConditionOp.LessThan
                or ConditionOp.LessEqual or ConditionOp.In or ConditionOp.NotIn or ConditionOp.Between or ConditionOp.NotBetween => true,
            _ => false,
        };

        // The operators that compare the value with their literals (IsComparison's).
        private bool Compared<TValue>(TValue value, object?[] literals)
            where TValue : struct, IComparedValue
        {
            switch (_condition.Op)
            {
                case ConditionOp.Equal:
                    return literals[0] != null && value.CompareTo(literals[0]!) == 0;
                case ConditionOp.NotEqual:
                    return literals[0] != null && value.CompareTo(literals[0]!) != 0;
                case ConditionOp.GreaterThan:
                    return literals[0] != null && value.CompareTo(literals[0]!) > 0;
                case ConditionOp.GreaterEqual:
                    return literals[0] != null && value.CompareTo(literals[0]!) >= 0;
                case ConditionOp.LessThan:
                    return literals[0] != null && value.CompareTo(literals[0]!) < 0;
                case ConditionOp.LessEqual:
                    return literals[0] != null && value.CompareTo(literals[0]!) <= 0;
                case ConditionOp.In:
                    return Any(value, literals);
                case ConditionOp.NotIn:
                    return !Any(value, literals);
                case ConditionOp.Between:
                    return InRange(value, literals);
                case ConditionOp.NotBetween:
                    return !InRange(value, literals);
                default:
                    throw new InvalidOperationException($"{_condition.Op} does not compare values.");
            }
        }

        private static bool Any<TValue>(TValue value, object?[] literals)
            where TValue : struct, IComparedValue
        {
            foreach (var literal in literals)
            {
                if (literal != null && value.CompareTo(literal) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InRange<TValue>(TValue value, object?[] literals)
            where TValue : struct, IComparedValue =>
            literals[0] != null && literals[1] != null
            && value.CompareTo(literals[0]!) >= 0
            && value.CompareTo(literals[1]!) <= 0;

        // A normalized stored value, compared with a literal converted to its type as ValueComparison.Compare compares them.
        private interface IComparedValue
        {
            int CompareTo(object literal);
        }

        private readonly struct NormalizedValue : IComparedValue
        {
            private readonly object _value;

            public NormalizedValue(object value) => _value = value;

            public int CompareTo(object literal) => ValueComparison.Compare(_value, literal);
        }

        private readonly struct NumberValue : IComparedValue
        {
            private readonly decimal _value;

            public NumberValue(decimal value) => _value = value;

            public int CompareTo(object literal) => ValueComparison.CompareNumber(_value, literal);
        }

        private readonly struct IdValue : IComparedValue
        {
            private readonly Guid _value;

            public IdValue(Guid value) => _value = value;

            // Literals converted for an id column are ids; anything else takes Compare's way.
            public int CompareTo(object literal) => literal is Guid id ? SqlGuidComparer.Instance.Compare(_value, id) : ValueComparison.Compare(_value, literal);
        }

        private readonly struct TimeValue : IComparedValue
        {
            private readonly DateTime _value;

            public TimeValue(DateTime value) => _value = value;

            // Literals converted for a date column are dates; anything else takes Compare's way.
            public int CompareTo(object literal) => literal is DateTime time ? _value.CompareTo(time) : ValueComparison.Compare(_value, literal);
        }

        private string Text(object? value)
        {
            if (value is string text)
            {
                return text;
            }

            throw DataverseFault.InvalidArgument($"{_condition.Description}: this operator needs a text column.");
        }

        private DateTime Date(object? value)
        {
            if (value is DateTime time)
            {
                return time.Date;
            }

            throw DataverseFault.InvalidArgument($"{_condition.Description}: this operator needs a date and time column.");
        }

        private bool Like(object value)
        {
            var text = Text(value);
            if (_like == null)
            {
                _like = new Regex(LikeToRegex(Text(Literals(value)[0])), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
            }

            return _like.IsMatch(text);
        }

        // SQL LIKE: % any run, _ one character, [...] a character class; everything else literal.
        private static string LikeToRegex(string pattern)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '%':
                        regex.Append(".*");
                        break;
                    case '_':
                        regex.Append('.');
                        break;
                    case '[':
                        int close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            regex.Append(Regex.Escape("["));
                            break;
                        }

                        string set = pattern.Substring(i + 1, close - i - 1);
                        regex.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return regex.Append('$').ToString();
        }
    }
}
