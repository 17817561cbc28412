namespace LoyaltyHealth.Model.Output
{
    /// <summary>Whether the relationship rests on perks rather than on delivered value.</summary>
    public sealed record PerkDependence
    {
        public int PerkTouches { get; init; }
        public int ValueTouches { get; init; }
        /// <summary>Perk touches among perk and value touches (0–1); null when there were neither.</summary>
        public decimal? PerkShare { get; init; }
        /// <summary>Perks with a cost logged; the spend covers only these, the cost of the others is unknown.</summary>
        public int PricedPerkTouches { get; init; }
        public decimal PerkSpend { get; init; }
        public decimal DeliveredValue { get; init; }
        /// <summary>Perk spend per unit of delivered value; null when no value carried a money figure.</summary>
        public decimal? SpendToValue { get; init; }
        /// <summary>Value was delivered strongly enough that perks next to it are no concern.</summary>
        public bool StrongValue { get; init; }
        public bool IsPerkDependent { get; init; }
    }
}
