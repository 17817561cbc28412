using System;

namespace LoyaltyHealth.Model.Output
{
    public static class DataWarningCodes
    {
        public const string InteractionWithoutDate = "InteractionWithoutDate";
        public const string InteractionInFuture = "InteractionInFuture";
        public const string NegativeAmount = "NegativeAmount";
        public const string AccountCreatedInFuture = "AccountCreatedInFuture";
    }

    /// <summary>Input the scorer could not use, and why; scoring goes on without it.</summary>
    /// <remarks>The plug-in trace log's words for each code are in LoyaltyHealth.Plugins.Health.IgnoredInput.</remarks>
    public sealed record DataWarning(string Code, Guid RecordId);
}
