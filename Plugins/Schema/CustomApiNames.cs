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
        /// An organisation-wide rescore runs as SYSTEM, so only those who may change the loyalty policy
        /// (and with it every score) may start one: the privilege to write environment variable values.
        /// </summary>
        public const string RecalculateStalePrivilege = "prvWriteEnvironmentVariableValue";

        public const int DefaultTimeBudgetSeconds = 60;
        /// <summary>A synchronous operation has two minutes in all; leave room for the platform's own work.</summary>
        public const int MaximumTimeBudgetSeconds = 100;
    }
}
