using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>
    /// The assessment an export from an environment running the product already carries: the computed
    /// columns stored on the account and its history rows (loy_healthassessment). Dataverse holds them when
    /// the next recalculation runs, so the local organisation must hold them too, or an offline score never
    /// shows a trend. The column guard rightly strips computed columns from an import's Create, so they are
    /// put in place as stored state, the way the account stands in Dataverse; "data as of" is left out, so
    /// every account is still recalculated on the exported data.
    /// </summary>
    public static class PreviousAssessments
    {
        private static readonly string[] Restored = AccountSchema.Computed.Where(c => c != AccountSchema.HealthDataAsOf).ToArray();

        /// <summary>
        /// The computed columns to store on <paramref name="account"/>: those the export carries on it; where it
        /// carries none, the newest history row's; trend checkpoints the account lacks are derived from the
        /// history rows in time order exactly as the recalculation advances them. Null when there is nothing.
        /// </summary>
        public static Entity? Columns(Entity account, IEnumerable<Entity> history, TrendPolicy trend)
        {
            var rows = history
                .Where(h => h.GetAttributeValue<DateTime?>(HealthAssessmentSchema.AssessedOn).HasValue)
                .OrderBy(h => h.GetAttributeValue<DateTime>(HealthAssessmentSchema.AssessedOn)).ThenBy(h => h.Id)
                .ToList();
            var columns = new Entity(AccountSchema.EntityName, account.Id);
            foreach (var column in Restored)
                if (account.Contains(column) && account[column] is not null) columns[column] = account[column];

            if (rows.Count > 0 && !columns.Contains(AccountSchema.HealthScoredOn))
            {
                var newest = rows[rows.Count - 1];
                columns[AccountSchema.HealthScoredOn] = newest[HealthAssessmentSchema.AssessedOn];
                Copy(newest, HealthAssessmentSchema.UnderstandingScore, columns, AccountSchema.UnderstandingScore);
                Copy(newest, HealthAssessmentSchema.FamiliarityScore, columns, AccountSchema.FamiliarityScore);
                Copy(newest, HealthAssessmentSchema.ServiceScore, columns, AccountSchema.ServiceScore);
                Copy(newest, HealthAssessmentSchema.OverallHealth, columns, AccountSchema.OverallHealth);
                Copy(newest, HealthAssessmentSchema.HealthBand, columns, AccountSchema.HealthBand);
                Copy(newest, HealthAssessmentSchema.HealthTrend, columns, AccountSchema.HealthTrend);
                Copy(newest, HealthAssessmentSchema.PerkDependent, columns, AccountSchema.PerkDependent);
                Copy(newest, HealthAssessmentSchema.PerkShare, columns, AccountSchema.PerkShare);
                Copy(newest, HealthAssessmentSchema.ReasonCodes, columns, AccountSchema.ReasonCodes);
            }

            var hasCheckpoints = columns.Contains(AccountSchema.TrendBaselineOn) || columns.Contains(AccountSchema.TrendCandidateOn);
            if (rows.Count > 0 && !hasCheckpoints)
            {
                var checkpoints = TrendCheckpoints.None;
                foreach (var row in rows)
                {
                    checkpoints = checkpoints.Advance(new PastAssessment
                    {
                        AssessedOn = row.GetAttributeValue<DateTime>(HealthAssessmentSchema.AssessedOn),
                        Overall = row.GetAttributeValue<int?>(HealthAssessmentSchema.OverallHealth),
                        Band = HealthBand.NotEnoughData,
                    }, trend);
                }
                if (checkpoints.Baseline is { } baseline)
                {
                    columns[AccountSchema.TrendBaselineOn] = baseline.AssessedOn;
                    columns[AccountSchema.TrendBaselineHealth] = baseline.Overall;
                }
                if (checkpoints.Candidate is { } candidate)
                {
                    columns[AccountSchema.TrendCandidateOn] = candidate.AssessedOn;
                    columns[AccountSchema.TrendCandidateHealth] = candidate.Overall;
                }
            }
            return columns.Attributes.Count == 0 ? null : columns;
        }

        /// <summary>History rows by the account they belong to.</summary>
        public static ILookup<Guid, Entity> ByAccount(IEnumerable<Entity> history) =>
            history.Where(h => h.GetAttributeValue<EntityReference>(HealthAssessmentSchema.AccountId) is not null)
                .ToLookup(h => h.GetAttributeValue<EntityReference>(HealthAssessmentSchema.AccountId).Id);

        private static void Copy(Entity from, string fromColumn, Entity to, string toColumn)
        {
            if (from.Contains(fromColumn) && from[fromColumn] is not null) to[toColumn] = from[fromColumn];
        }
    }
}
