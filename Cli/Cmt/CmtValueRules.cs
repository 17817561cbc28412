using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// The values Dataverse itself refuses on import, refused here too with file, table, record, field and
    /// value (exit code 1) rather than scored as something else: a choice outside the product's option set
    /// or the table's states, money outside the column's range, an all-zero id, a party of a table that
    /// cannot take part in an activity. Standard choice columns (industry, role, priority) hold the
    /// organisation's own options, which an export does not describe, so they are not checked. Neither are
    /// the seller inputs (service cadence, preferred channel): an organisation may have added options to
    /// them, and the model reports a value it cannot read, naming the column, instead of guessing
    /// (explain, the CSV and the report show it), so such an export still scores.
    /// </summary>
    public static class CmtValueRules
    {
        /// <summary>The product's option sets by column (solution/OptionSets; Tests/Cmt checks they agree).</summary>
        public static readonly IReadOnlyDictionary<string, int[]> ProductChoices = new Dictionary<string, int[]>(StringComparer.Ordinal)
        {
            [ActivitySchema.Channel] = Channels,
            [AccountSchema.HealthBand] = new[] { OptionValues.BandNotEnoughData, OptionValues.BandHealthy, OptionValues.BandWatch, OptionValues.BandAtRisk },
            [AccountSchema.HealthTrend] = new[] { OptionValues.TrendImproving, OptionValues.TrendStable, OptionValues.TrendDeclining },
            [ActivitySchema.InteractionClass] = new[] { OptionValues.ClassNeutral, OptionValues.ClassValue, OptionValues.ClassService, OptionValues.ClassPerk },
            [PerkSchema.PerkKind] = new[] { OptionValues.PerkKindGift, OptionValues.PerkKindHospitality, OptionValues.PerkKindMeal, OptionValues.PerkKindEventTickets, OptionValues.PerkKindMerchandise },
            [ActivitySchema.FollowUpReason] = new[] { OptionValues.FollowUpAtRisk, OptionValues.FollowUpPerkDependent },
        };

        private static int[] Channels => new[] { OptionValues.ChannelInPerson, OptionValues.ChannelVideo, OptionValues.ChannelPhone };

        /// <summary>Dataverse's money range; the product's amounts (value delivered, perk cost) start at 0.</summary>
        public const decimal MoneyLimit = 922_337_203_685_477m;

        private static readonly HashSet<string> NonNegativeMoney = new(StringComparer.Ordinal) { ValueReportSchema.ValueAmount, PerkSchema.Cost };

        /// <summary>The tables a party of an activity may be in Dataverse.</summary>
        public static readonly IReadOnlyList<string> PartyTables = new[] { AccountSchema.EntityName, ContactSchema.EntityName, "lead", "systemuser", "team", "queue", "equipment" };

        private static readonly int[] ActivityStates = { 0, 1, 2, 3 };
        private static readonly int[] OpportunityStates = { 0, 1, 2 };
        private static readonly int[] RecordStates = { 0, 1 };

        /// <summary>Throws <see cref="FormatException"/> naming the value and what is allowed.</summary>
        internal static void Check(KnownTable table, KnownField field, in RecordValue value)
        {
            switch (value.Type)
            {
                case RecordValueType.Choice when field.Kind == FieldKind.State:
                    var states = table.IsActivity ? ActivityStates : table.Name == OpportunitySchema.EntityName ? OpportunityStates : RecordStates;
                    if (!states.Contains(value.Number)) throw Outside(value.Number, $"a status of {table.Name} ({string.Join(", ", states)})");
                    break;
                case RecordValueType.Choice when ProductChoices.TryGetValue(field.Name, out var allowed):
                    if (!allowed.Contains(value.Number)) throw Outside(value.Number, $"a value of the option set {field.Name} ({string.Join(", ", allowed)})");
                    break;
                case RecordValueType.Money:
                    var low = NonNegativeMoney.Contains(field.Name) ? 0m : -MoneyLimit;
                    if (value.Amount < low || value.Amount > MoneyLimit)
                        throw new FormatException($"'{value.Amount.ToString(CultureInfo.InvariantCulture)}' is outside the column's range {low.ToString("N0", CultureInfo.InvariantCulture)} to {MoneyLimit.ToString("N0", CultureInfo.InvariantCulture)}.");
                    break;
                case RecordValueType.Lookup when value.Id == Guid.Empty:
                    throw new FormatException($"'{Guid.Empty}' (all zeros) is not the id of a record.");
            }
        }

        private static FormatException Outside(int value, string what) => new($"'{value.ToString(CultureInfo.InvariantCulture)}' is not {what}; Dataverse refuses it on import.");
    }
}
