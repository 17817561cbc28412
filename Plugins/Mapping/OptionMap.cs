using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>Choice values of the solution and the model's enums, both ways.</summary>
    public sealed class OptionMap<TEnum> where TEnum : struct
    {
        private readonly Dictionary<int, TEnum> _byValue;
        private readonly Dictionary<TEnum, int> _byEnum;

        public OptionMap(string optionSet, params (int Value, TEnum Enum)[] pairs)
        {
            OptionSet = optionSet;
            _byValue = pairs.ToDictionary(p => p.Value, p => p.Enum);
            _byEnum = pairs.ToDictionary(p => p.Enum, p => p.Value);
        }

        public string OptionSet { get; }

        public IEnumerable<int> Values => _byValue.Keys;

        public bool TryGet(int value, out TEnum result) => _byValue.TryGetValue(value, out result);

        public int ValueOf(TEnum value) => _byEnum[value];
    }

    public static class OptionMaps
    {
        public static readonly OptionMap<ServiceCadence> Cadence = new(OptionValues.CadenceOptionSet,
            (OptionValues.CadenceWeekly, ServiceCadence.Weekly), (OptionValues.CadenceMonthly, ServiceCadence.Monthly),
            (OptionValues.CadenceQuarterly, ServiceCadence.Quarterly), (OptionValues.CadenceHalfYearly, ServiceCadence.HalfYearly),
            (OptionValues.CadenceYearly, ServiceCadence.Yearly));

        public static readonly OptionMap<ServiceChannel> Channel = new(OptionValues.ChannelOptionSet,
            (OptionValues.ChannelInPerson, ServiceChannel.InPerson), (OptionValues.ChannelVideo, ServiceChannel.Video),
            (OptionValues.ChannelPhone, ServiceChannel.Phone));

        public static readonly OptionMap<HealthBand> Band = new(OptionValues.BandOptionSet,
            (OptionValues.BandNotEnoughData, HealthBand.NotEnoughData), (OptionValues.BandHealthy, HealthBand.Healthy),
            (OptionValues.BandWatch, HealthBand.Watch), (OptionValues.BandAtRisk, HealthBand.AtRisk));

        public static readonly OptionMap<Trend> Trend = new(OptionValues.TrendOptionSet,
            (OptionValues.TrendImproving, Model.Output.Trend.Improving), (OptionValues.TrendStable, Model.Output.Trend.Stable),
            (OptionValues.TrendDeclining, Model.Output.Trend.Declining));

        public static readonly OptionMap<InteractionClass> Class = new(OptionValues.ClassOptionSet,
            (OptionValues.ClassNeutral, InteractionClass.Neutral), (OptionValues.ClassValue, InteractionClass.Value),
            (OptionValues.ClassService, InteractionClass.Service), (OptionValues.ClassPerk, InteractionClass.Perk));

        public static readonly OptionMap<FollowUpReason> FollowUp = new(OptionValues.FollowUpReasonOptionSet,
            (OptionValues.FollowUpAtRisk, FollowUpReason.AtRisk), (OptionValues.FollowUpPerkDependent, FollowUpReason.PerkDependent));
    }
}
