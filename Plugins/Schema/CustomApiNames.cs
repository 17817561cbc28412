namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>The Custom APIs of the solution, with their parameter names.</summary>
    public static class CustomApiNames
    {
        /// <summary>Bound to account: rescore this account now.</summary>
        public const string RecalculateAccount = "loy_RecalculateAccountHealth";
        public const string OutcomeOutput = "Outcome";
        public const string BandOutput = "HealthBand";
        public const string OverallOutput = "OverallHealth";

        /// <summary>Unbound: rescore accounts whose assessment is older than a given age, within a time budget.</summary>
        public const string RecalculateStale = "loy_RecalculateStaleAccountHealth";
        public const string MaxAgeHoursInput = "MaxAgeHours";
        public const string TimeBudgetSecondsInput = "TimeBudgetSeconds";
        public const string RecalculatedOutput = "Recalculated";
        public const string RemainingOutput = "Remaining";
        public const string FailedOutput = "Failed";

        /// <summary>
        /// The table whose create privilege means "may rescore the whole organisation". It holds no rows; the
        /// solution ships it, and the role "Loyalty Health Administrator" that grants that privilege.
        /// </summary>
        public const string RescoreRequestTable = "loy_rescorerequest";

        /// <summary>
        /// An organisation-wide rescore runs as SYSTEM over every account, so only those granted this one
        /// dedicated privilege may start one. A privilege borrowed from elsewhere (writing environment variable
        /// values, say) means something else, and roles grant it, at some depth, to people who should not rescore.
        /// </summary>
        public const string RecalculateStalePrivilege = "prvCreate" + RescoreRequestTable;

        public const int DefaultTimeBudgetSeconds = 60;
        /// <summary>A synchronous operation has two minutes in all; leave room for the platform's own work.</summary>
        public const int MaximumTimeBudgetSeconds = 100;
    }
}
