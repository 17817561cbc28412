using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Model.Input
{
    /// <summary>One activity with the customer: an email, a call, a meeting, a value report, a perk…</summary>
    public sealed record Interaction
    {
        public Guid Id { get; init; }
        public InteractionKind Kind { get; init; }
        public InteractionDirection Direction { get; init; }
        public InteractionState State { get; init; }
        /// <summary>When it happened (UTC); interactions without it cannot be placed in time and are ignored.</summary>
        public DateTime? CompletedOn { get; init; }
        /// <summary>The customer's contacts who took part.</summary>
        public IReadOnlyList<Guid> ContactIds { get; init; } = Array.Empty<Guid>();
        public string? Subject { get; init; }
        public ServiceChannel Channel { get; init; }
        /// <summary>Money figure of a value report: the value delivered to the customer.</summary>
        public decimal? ValueAmount { get; init; }
        /// <summary>What a perk cost us.</summary>
        public decimal? PerkCost { get; init; }
        /// <summary>A classification a user logged explicitly; it wins over anything inferred.</summary>
        public InteractionClass? LoggedClass { get; init; }
    }
}
