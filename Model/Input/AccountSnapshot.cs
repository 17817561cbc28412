using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Model.Input
{
    /// <summary>Everything the scorer knows about one customer account, independent of any CRM.</summary>
    public sealed record AccountSnapshot
    {
        public Guid AccountId { get; init; }
        public DateTime CreatedOn { get; init; }
        /// <summary>The service level the customer asked for; null when nobody asked yet.</summary>
        public ServiceAgreement? ServiceAgreement { get; init; }
        /// <summary>Seller inputs whose stored value could not be read; the matching field above is then null or unknown.</summary>
        public IReadOnlyList<UnreadableValue> UnreadableValues { get; init; } = Array.Empty<UnreadableValue>();
        /// <summary>The customer's documented business goals and needs.</summary>
        public string? Goals { get; init; }
        public DateTime? GoalsReviewedOn { get; init; }
        /// <summary>Whether the customer acts as a reference for us; null when unknown.</summary>
        public bool? IsReference { get; init; }
        public IReadOnlyList<ContactSnapshot> Contacts { get; init; } = Array.Empty<ContactSnapshot>();
        public IReadOnlyList<Interaction> Interactions { get; init; } = Array.Empty<Interaction>();
        /// <summary>Earlier assessments, in any order; the newest is the baseline for transitions.</summary>
        public IReadOnlyList<PastAssessment> PastAssessments { get; init; } = Array.Empty<PastAssessment>();
    }
}
