using System;

namespace LoyaltyHealth.Model.Input
{
    /// <summary>One person at the customer, as far as the relationship measures need to know.</summary>
    public sealed record ContactSnapshot
    {
        public Guid Id { get; init; }
        public bool IsActive { get; init; } = true;
        /// <summary>Department or function; null when nobody recorded it.</summary>
        public string? Department { get; init; }
        public Seniority Seniority { get; init; }
    }
}
