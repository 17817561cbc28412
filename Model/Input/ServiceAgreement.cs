namespace LoyaltyHealth.Model.Input
{
    /// <summary>The service level the customer asked for: how often, and on which channel.</summary>
    public sealed record ServiceAgreement(ServiceCadence Cadence, ServiceChannel Channel = ServiceChannel.Unknown);
}
