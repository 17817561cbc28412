namespace LoyaltyHealth.Plugins.Schema
{
    public static class ValueReportSchema
    {
        public const string EntityName = ActivitySchema.ValueReport;
        /// <summary>The value delivered, as a money figure.</summary>
        public const string ValueAmount = "loy_valueamount";
        /// <summary>What was measured.</summary>
        public const string Measure = "loy_measure";
        /// <summary>Who the value was reported to.</summary>
        public const string ReportedToId = "loy_reportedtoid";
    }
}
