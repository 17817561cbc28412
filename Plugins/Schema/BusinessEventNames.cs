namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>
    /// The custom business events the solution raises when an account's assessment changes: Custom APIs with
    /// no plugin, bound to account, that allow asynchronous steps only and have no response properties, as
    /// Microsoft's "Microsoft Dataverse business events" describes events; cataloged in
    /// <see cref="Catalog"/> / <see cref="Category"/> so the Power Automate trigger "When an action is
    /// performed" lists them. <c>RecordAssessmentChange</c> raises them from its asynchronous step.
    /// </summary>
    public static class BusinessEventNames
    {
        public const string EnteredAtRisk = "loy_OnAccountEnteredAtRisk";
        public const string LeftAtRisk = "loy_OnAccountLeftAtRisk";
        public const string BecamePerkDependent = "loy_OnAccountBecamePerkDependent";
        public const string NoLongerPerkDependent = "loy_OnAccountNoLongerPerkDependent";
        public const string HealthDeclined = "loy_OnAccountHealthDeclined";

        public static readonly string[] All = { EnteredAtRisk, LeftAtRisk, BecamePerkDependent, NoLongerPerkDependent, HealthDeclined };

        /// <summary>The bound account (the Custom API's bound parameter).</summary>
        public const string Target = "Target";
        /// <summary>The loy_healthband value before the change (option value).</summary>
        public const string OldBand = "OldBand";
        /// <summary>The loy_healthband value after the change (option value).</summary>
        public const string NewBand = "NewBand";
        /// <summary>Overall health after the change; absent when the account has no overall score (Not enough data).</summary>
        public const string OverallHealth = "OverallHealth";
        /// <summary>Overall health before the change; absent when there was none.</summary>
        public const string PreviousOverallHealth = "PreviousOverallHealth";
        /// <summary>The reason codes of the new assessment (loy_healthreasoncodes).</summary>
        public const string ReasonCodes = "ReasonCodes";

        public const string Catalog = "loy_LoyaltyHealth";
        public const string Category = "loy_LoyaltyHealthAccountEvents";
    }
}
