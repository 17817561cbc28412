using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// Update steps fire on the columns whose change alters the score, and never on columns their plugin
    /// writes itself, which would turn every recalculation into the trigger of the next one. (Whether a
    /// step file filters on what its plugin declares is no test: the step files are derived from the
    /// declarations, see StepRegistrationTests.)
    /// </summary>
    public class FilteringAttributeTests
    {
        /// <summary>What each plugin writes, per table: its own writes must not trigger it.</summary>
        private static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Writes(Type plugin)
        {
            // Every recalculation (triggers and Custom APIs) stores the assessment on the account through AccountHealthRecalculator.
            var recalculates = new[]
            {
                typeof(RecalculateOnAccountChange), typeof(RecalculateOnActivityChange), typeof(RecalculateOnContactChange),
                typeof(RecalculateAccountHealthApi), typeof(RecalculateStaleAccountsApi),
            };
            if (recalculates.Contains(plugin)) return new Dictionary<string, IReadOnlyCollection<string>> { [AccountSchema.EntityName] = AccountSchema.Computed };
            if (plugin == typeof(RecordAssessmentChange))
            {
                return new Dictionary<string, IReadOnlyCollection<string>>
                {
                    [HealthAssessmentSchema.EntityName] = new[]
                    {
                        HealthAssessmentSchema.AccountId, HealthAssessmentSchema.AssessedOn, HealthAssessmentSchema.Name, HealthAssessmentSchema.UnderstandingScore,
                        HealthAssessmentSchema.FamiliarityScore, HealthAssessmentSchema.ServiceScore, HealthAssessmentSchema.OverallHealth, HealthAssessmentSchema.HealthBand,
                        HealthAssessmentSchema.HealthTrend, HealthAssessmentSchema.PerkDependent, HealthAssessmentSchema.PerkShare, HealthAssessmentSchema.ReasonCodes,
                    },
                    [TaskSchema.EntityName] = new[]
                    {
                        ActivitySchema.Subject, ActivitySchema.Description, ActivitySchema.RegardingObjectId, ActivitySchema.ScheduledEnd,
                        ActivitySchema.FollowUpReason, ActivitySchema.OwnerId, ActivitySchema.StateCode, ActivitySchema.StatusCode,
                    },
                };
            }
            // The column guard only edits the Target of the save it runs in; the policy check only reads.
            return new Dictionary<string, IReadOnlyCollection<string>>();
        }

        private static IEnumerable<(Type Plugin, StepFile Step)> UpdateSteps()
        {
            var plugins = SolutionModel.PluginClasses().ToDictionary(t => t.FullName!);
            return SolutionModel.Steps().Where(s => s.Message == MessageNames.Update).Select(s => (plugins[s.TypeName], s));
        }

        [Test]
        public void Every_update_step_filters_on_columns()
        {
            Assert.That(UpdateSteps().Where(s => s.Step.Filtering.Count == 0).Select(s => s.Step.File), Is.Empty,
                "an Update step without filtering attributes runs on every save of its table");
        }

        [Test]
        public void No_update_step_filters_on_a_column_its_own_plugin_writes()
        {
            Assert.Multiple(() =>
            {
                foreach (var (plugin, step) in UpdateSteps())
                {
                    var written = Writes(plugin).TryGetValue(step.Table, out var columns) ? columns : Array.Empty<string>();
                    var loop = step.Filtering.Intersect(written, StringComparer.Ordinal).ToList();
                    Assert.That(loop, Is.Empty, $"{step.File} ({step.Name}): {plugin.Name} writes these columns itself, so filtering on them makes it trigger itself");
                }
            });
        }

        [Test]
        public void The_account_recalculation_does_not_filter_on_the_computed_columns()
        {
            var step = SolutionModel.Steps().Single(s => s.TypeName == typeof(RecalculateOnAccountChange).FullName && s.Message == MessageNames.Update);

            Assert.That(step.Filtering.Intersect(AccountSchema.Computed), Is.Empty, $"{step.File}: a computed column in the filter would rescore after every rescore");
        }
    }
}
