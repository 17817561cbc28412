namespace LoyaltyHealth.Model.Input
{
    /// <summary>
    /// A seller input that holds a value this version cannot read (a choice added later or by a
    /// customisation). It is reported as such, never read as "nobody asked".
    /// </summary>
    public sealed record UnreadableValue(SellerInput Input, int StoredValue);
}
