using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>The text form of values in data.xml, both ways, as the Configuration Migration tool writes them.</summary>
    public static class CmtValues
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>Parses a scalar value; throws <see cref="FormatException"/> with what was expected.</summary>
        public static object Parse(FieldKind kind, string text) => Read(kind, text).ToObject();

        /// <summary>Parses a scalar value into its type, unboxed; throws <see cref="FormatException"/> with what was expected.</summary>
        internal static RecordValue Read(FieldKind kind, string text) => kind == FieldKind.Text ? RecordValue.OfText(text) : Read(kind, text.AsSpan());

        /// <summary>Parses a scalar value from its text, read from data.xml into a buffer: only a text value becomes a string.</summary>
        internal static RecordValue Read(FieldKind kind, ReadOnlySpan<char> text) => kind switch
        {
            FieldKind.Id => Guid.TryParse(text, out var id) ? RecordValue.OfId(id) : throw Expected("a GUID", text),
            FieldKind.Text => RecordValue.OfText(text.ToString()),
            FieldKind.WholeNumber => int.TryParse(text, NumberStyles.Integer, Invariant, out var n) ? RecordValue.OfWholeNumber(n) : throw Expected("a whole number", text),
            FieldKind.Decimal => decimal.TryParse(text, NumberStyles.Float, Invariant, out var d) ? RecordValue.OfDecimal(d) : throw Expected("a decimal number", text),
            FieldKind.Money => decimal.TryParse(text, NumberStyles.Float, Invariant, out var m) ? RecordValue.OfMoney(m) : throw Expected("a money amount such as 1234.50", text),
            FieldKind.Boolean => RecordValue.OfBoolean(Boolean(text)),
            FieldKind.DateTime => RecordValue.OfDate(Date(text)),
            FieldKind.Choice or FieldKind.State or FieldKind.Status =>
                int.TryParse(text, NumberStyles.Integer, Invariant, out var o) ? RecordValue.OfChoice(o) : throw Expected("a choice value (a whole number)", text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar kind"),
        };

        public static string Format(object value) => value switch
        {
            Guid g => g.ToString("D"),
            string s => s,
            int i => i.ToString(Invariant),
            decimal d => d.ToString(Invariant),
            Money m => m.Value.ToString("0.00##", Invariant),
            bool b => b ? "True" : "False",
            DateTime t => DateTime.SpecifyKind(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", Invariant),
            OptionSetValue o => o.Value.ToString(Invariant),
            EntityReference r => r.Id.ToString("D"),
            _ => throw new ArgumentException($"A {value.GetType().Name} has no data.xml form.", nameof(value)),
        };

        private static readonly string[] IsoDates = { "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd" };

        private static bool Boolean(ReadOnlySpan<char> text) => text switch
        {
            // The forms files write, compared as they are before the general comparison (every activity has a direction).
            "True" or "true" => true,
            "False" or "false" => false,
            _ => AnyBoolean(text.ToString()),
        };

        private static bool AnyBoolean(string text) => text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw Expected("True or False", text),
        };

        private static DateTime Date(ReadOnlySpan<char> text) => Written(text, out var written) ? written : Date(text.ToString());

        private static DateTime Date(string text)
        {
            // ISO 8601 only, as the Configuration Migration tool writes dates: 06/07/2026 could be June or July.
            if (!DateTime.TryParseExact(text.Trim(), IsoDates, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                throw Expected("an ISO 8601 date and time such as 2024-01-15T10:30:00Z", text);
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>
        /// Reads the form the Configuration Migration tool (and this tool) writes, 2024-01-15T10:30:00.0000000Z,
        /// without the general parser, which costs more than the rest of a record; anything else, or a date this
        /// form cannot hold, is left to the general parser.
        /// </summary>
        private static bool Written(ReadOnlySpan<char> text, out DateTime value)
        {
            value = default;
            if (text.Length != 28 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[27] != 'Z')
                return false;
            if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
                !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second) ||
                !Digits(text, 20, 7, out var ticks))
                return false;
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                return false;
            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
            return true;
        }

        private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if ((uint)digit > 9) return false;
                value = value * 10 + digit;
            }
            return true;
        }

        private static FormatException Expected(string what, ReadOnlySpan<char> text) => new($"'{text}' is not {what}.");
    }
}
