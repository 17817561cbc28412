using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// Input a recalculation left out or took its own way, as the plug-in trace log says it after "Ignored: ": the record
    /// first, then what it held, then what was done with it. The words are declared once, here, per kind; the local tool
    /// reads a traced line back (<see cref="TryRead"/>) to say it on the account in the report's language.
    /// </summary>
    public sealed class IgnoredInput
    {
        public const string TracePrefix = "Ignored: ";

        public const string InteractionWithoutDate = DataWarningCodes.InteractionWithoutDate;
        public const string InteractionInFuture = DataWarningCodes.InteractionInFuture;
        public const string NegativeAmount = DataWarningCodes.NegativeAmount;
        public const string AccountCreatedInFuture = DataWarningCodes.AccountCreatedInFuture;
        public const string UnknownPreferredChannel = "UnknownPreferredChannel";
        public const string UnknownServiceCadence = "UnknownServiceCadence";
        public const string UnknownChannel = "UnknownChannel";
        public const string UnknownInteractionClass = "UnknownInteractionClass";
        public const string TableNotRead = "TableNotRead";
        public const string RegardingNotScored = "RegardingNotScored";
        public const string RecordGone = "RecordGone";

        /// <summary>The English words of each kind: {record} is the record's id, {value} what it held (or its table).</summary>
        public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
        {
            [InteractionWithoutDate] = "activity {record}: completed without a date (no actual or scheduled end); not counted",
            [InteractionInFuture] = "activity {record}: completed after the moment scored; not counted",
            [NegativeAmount] = "activity {record}: a negative value or perk cost; counted as 0",
            [AccountCreatedInFuture] = "account {record}: created after the moment scored; scored as a new account",
            [UnknownPreferredChannel] = "account {record}: unknown " + AccountSchema.PreferredChannel + " value {value}; reported as unreadable",
            [UnknownServiceCadence] = "account {record}: unknown " + AccountSchema.ServiceCadence + " value {value}; reported as unreadable",
            [UnknownChannel] = "activity {record}: unknown " + ActivitySchema.Channel + " value {value}; channel treated as unknown",
            [UnknownInteractionClass] = "activity {record}: unknown " + ActivitySchema.InteractionClass + " value {value}; classified from its kind and subject",
            [TableNotRead] = "activity {record}: table '{value}' is not one the model reads",
            [RegardingNotScored] = "{value} {record} is not an account, contact or opportunity.",
            [RecordGone] = "{value} {record} no longer exists.",
        };

        public IgnoredInput(string kind, Guid record, string? value = null)
        {
            if (!English.ContainsKey(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of ignored input");
            Kind = kind;
            Record = record;
            Value = value;
        }

        public string Kind { get; }
        public Guid Record { get; }
        public string? Value { get; }

        /// <summary>The model's warning as ignored input: the codes are the kinds.</summary>
        public static IgnoredInput Of(DataWarning warning) => new IgnoredInput(warning.Code, warning.RecordId);

        /// <summary>Writes the line to the plug-in trace log: "Ignored: " and the words (<see cref="TryRead"/> reads the words back).</summary>
        public void Trace(ITracingService trace) => trace.Trace("{0}{1}", TracePrefix, Describe());

        /// <summary>The words the trace log gets after "Ignored: ".</summary>
        public string Describe() => English[Kind]
            .Replace("{record}", Record.ToString("D", CultureInfo.InvariantCulture))
            .Replace("{value}", Value ?? "");

        /// <summary>Reads back what <see cref="Describe"/> wrote; false for any other words.</summary>
        public static bool TryRead(string described, out IgnoredInput? input)
        {
            foreach (var pattern in ReadBack.Patterns)
            {
                var match = pattern.Value.Match(described);
                if (!match.Success || !Guid.TryParse(match.Groups["record"].Value, out var record)) continue;
                var value = match.Groups["value"];
                input = new IgnoredInput(pattern.Key, record, value.Success ? value.Value : null);
                return true;
            }
            input = null;
            return false;
        }

        /// <summary>
        /// Each kind's words as a pattern that reads a traced line back, tried in the order of <see cref="English"/>. Held apart so
        /// the plugins, which only write the lines, never build them: only the local tool reads lines back.
        /// </summary>
        private static class ReadBack
        {
            public static readonly IReadOnlyList<KeyValuePair<string, Regex>> Patterns = English
                .Select(kind => new KeyValuePair<string, Regex>(kind.Key, new Regex(
                    "^" + Regex.Escape(kind.Value).Replace(@"\{record}", "(?<record>[0-9a-fA-F-]{36})").Replace(@"\{value}", "(?<value>.*)") + "$",
                    RegexOptions.CultureInvariant)))
                .ToList();
        }
    }
}
