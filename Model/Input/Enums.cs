namespace LoyaltyHealth.Model.Input
{
    /// <summary>What kind of touch an interaction is, as the CRM recorded it.</summary>
    public enum InteractionKind { Other = 0, Email, PhoneCall, Meeting, Task, ValueReport, Perk }

    /// <summary>Who reached out: the brief values the customer reaching out over our outbound volume.</summary>
    public enum InteractionDirection { Unknown = 0, FromUs, FromCustomer }

    public enum InteractionState { Open = 0, Completed, Canceled }

    /// <summary>The channel a customer asked to be served on, or the one an interaction used.</summary>
    public enum ServiceChannel { Unknown = 0, InPerson, Video, Phone }

    /// <summary>How often the customer asked to be served.</summary>
    public enum ServiceCadence { Weekly = 1, Monthly, Quarterly, HalfYearly, Yearly }

    public enum Seniority { Unknown = 0, Staff, Manager, DecisionMaker, Executive }

    /// <summary>The seller inputs stored as choices, which a newer or customised organisation may hold values of that this version cannot read.</summary>
    public enum SellerInput { ServiceCadence = 1, ServiceChannel }

    /// <summary>What an interaction did for the customer's business.</summary>
    public enum InteractionClass { Neutral = 0, Value, Service, Perk }
}
