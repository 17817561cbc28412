using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Plugins.Health
{
    public enum RecalculationOutcome
    {
        /// <summary>The assessment changed and was written.</summary>
        Written,
        /// <summary>Recalculated; nothing changed, so nothing was written.</summary>
        Unchanged,
        /// <summary>A newer recalculation had already read the data this one was triggered for.</summary>
        AlreadyCovered,
        /// <summary>The account no longer exists.</summary>
        AccountMissing,
    }

    public sealed record RecalculationResult(RecalculationOutcome Outcome, Assessment? Assessment = null);
}
