using System;

namespace LoyaltyHealth.Model.Output
{
    /// <summary>The kind of a reason parameter, so that each language formats it its own way.</summary>
    public enum ParameterKind { Count, Days, Percent, Money, Cadence, Channel, Score, Pillar, Touch, SellerInput, StoredValue }

    /// <summary>A typed value inside a reason or action, e.g. days since the goals were reviewed.</summary>
    public sealed record Parameter(string Name, ParameterKind Kind, decimal Value)
    {
        public static Parameter Count(string name, int value) => new(name, ParameterKind.Count, value);
        public static Parameter Days(string name, int value) => new(name, ParameterKind.Days, value);
        public static Parameter Percent(string name, decimal ratio) => new(name, ParameterKind.Percent, Math.Round(ratio, 4));
        public static Parameter Money(string name, decimal amount) => new(name, ParameterKind.Money, Math.Round(amount, 2));
        public static Parameter Score(string name, int value) => new(name, ParameterKind.Score, value);
        public static Parameter Cadence(string name, Input.ServiceCadence cadence) => new(name, ParameterKind.Cadence, (int)cadence);
        public static Parameter PillarName(string name, Pillar pillar) => new(name, ParameterKind.Pillar, (int)pillar);
        public static Parameter Channel(string name, Input.ServiceChannel channel) => new(name, ParameterKind.Channel, (int)channel);
        public static Parameter Input(string name, Input.SellerInput input) => new(name, ParameterKind.SellerInput, (int)input);
        /// <summary>A raw stored value (a choice value), shown as stored: no grouping.</summary>
        public static Parameter StoredValue(string name, int value) => new(name, ParameterKind.StoredValue, value);
        /// <summary>The kind of touch that delivers service on a channel ("in-person meeting", "phone call").</summary>
        public static Parameter Touch(string name, Input.ServiceChannel channel) => new(name, ParameterKind.Touch, (int)channel);

        /// <summary>Invariant "name=value" form, for storage and logs.</summary>
        public override string ToString() =>
            Name + "=" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
