namespace LoyaltyHealth.Model.Output
{
    public enum Pillar { Understanding = 1, Familiarity, Service }

    /// <summary>Values are stable: they are stored as Dataverse choice values offset by a prefix.</summary>
    public enum HealthBand { NotEnoughData = 0, Healthy = 1, Watch = 2, AtRisk = 3 }

    public enum Trend { Improving = 1, Stable = 2, Declining = 3 }

    /// <summary>State changes against the previous assessment that follow-up automation reacts to.</summary>
    public enum Transition
    {
        EnteredAtRisk = 1,
        LeftAtRisk,
        BecamePerkDependent,
        NoLongerPerkDependent,
    }
}
