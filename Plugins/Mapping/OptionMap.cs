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

        /// <param name="byValue">Each choice value with the enum member it stands for.</param>
        public OptionMap(IReadOnlyDictionary<int, TEnum> byValue)
        {
            _byValue = byValue.ToDictionary(p => p.Key, p => p.Value);
            _byEnum = byValue.ToDictionary(p => p.Value, p => p.Key);
        }

        public bool TryGet(int value, out TEnum result) => _byValue.TryGetValue(value, out result);

        public int ValueOf(TEnum value) => _byEnum[value];
    }

    public static class OptionMaps
    {
        public static readonly OptionMap<ServiceCadence> Cadence = new(new Dictionary<int, ServiceCadence>
            {
                { OptionValues.CadenceWeekly, ServiceCadence.Weekly }, { OptionValues.CadenceMonthly, ServiceCadence.Monthly },
                { OptionValues.CadenceQuarterly, ServiceCadence.Quarterly }, { OptionValues.CadenceHalfYearly, ServiceCadence.HalfYearly },
                { OptionValues.CadenceYearly, ServiceCadence.Yearly },
            });

        public static readonly OptionMap<ServiceChannel> Channel = new(new Dictionary<int, ServiceChannel>
            {
                { OptionValues.ChannelInPerson, ServiceChannel.InPerson }, { OptionValues.ChannelVideo, ServiceChannel.Video },
                { OptionValues.ChannelPhone, ServiceChannel.Phone },
            });

        public static readonly OptionMap<HealthBand> Band = new(new Dictionary<int, HealthBand>
            {
                { OptionValues.BandNotEnoughData, HealthBand.NotEnoughData }, { OptionValues.BandHealthy, HealthBand.Healthy },
                { OptionValues.BandWatch, HealthBand.Watch }, { OptionValues.BandAtRisk, HealthBand.AtRisk },
            });

        public static readonly OptionMap<Trend> Trend = new(new Dictionary<int, Trend>
            {
                { OptionValues.TrendImproving, Model.Output.Trend.Improving }, { OptionValues.TrendStable, Model.Output.Trend.Stable },
                { OptionValues.TrendDeclining, Model.Output.Trend.Declining },
            });

        public static readonly OptionMap<InteractionClass> Class = new(new Dictionary<int, InteractionClass>
            {
                { OptionValues.ClassNeutral, InteractionClass.Neutral }, { OptionValues.ClassValue, InteractionClass.Value },
                { OptionValues.ClassService, InteractionClass.Service }, { OptionValues.ClassPerk, InteractionClass.Perk },
            });

        public static readonly OptionMap<FollowUpReason> FollowUp = new(new Dictionary<int, FollowUpReason>
            {
                { OptionValues.FollowUpAtRisk, FollowUpReason.AtRisk }, { OptionValues.FollowUpPerkDependent, FollowUpReason.PerkDependent },
            });
    }
}
