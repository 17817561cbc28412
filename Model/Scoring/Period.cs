using System;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>A stretch of time counted back from the as-of instant.</summary>
    internal readonly record struct Period(DateTime From, DateTime To)
    {
        // Open at the start and closed at the end, so back-to-back periods never both count a touch on their shared edge.
        public bool Contains(DateTime instant) => instant > From && instant <= To;
    }
}
