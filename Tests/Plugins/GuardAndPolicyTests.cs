using System;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    public class GuardAndPolicyTests
    {
        private PluginHarness _h = null!;

        [SetUp]
        public void SetUp() => _h = new PluginHarness();

        private static Entity HandEdited() => new(AccountSchema.EntityName, PluginIds.AccountA)
        {
            [AccountSchema.OverallHealth] = 100,
            [AccountSchema.HealthBand] = new OptionSetValue(OptionValues.BandHealthy),
            [AccountSchema.CustomerGoals] = "Grow",
        };

        [TestCase(MessageNames.Create)]
        [TestCase(MessageNames.Update)]
        public void Users_cannot_set_the_computed_columns(string message)
        {
            var target = HandEdited();

            _h.Run(new ProtectAssessmentColumns(), message, AccountSchema.EntityName, target);

            Assert.Multiple(() =>
            {
                Assert.That(target.Contains(AccountSchema.OverallHealth), Is.False);
                Assert.That(target.Contains(AccountSchema.HealthBand), Is.False);
                Assert.That(target[AccountSchema.CustomerGoals], Is.EqualTo("Grow"), "inputs pass untouched");
                Assert.That(_h.Traces, Does.Contain("Removed computed columns set from outside the recalculation: loy_overallhealth, loy_healthband"));
            });
        }

        /// <summary>The context of a recalculation plugin that marked itself before sending its update of <paramref name="account"/>.</summary>
        private static PluginExecutionContext Recalculating(Guid account)
        {
            var sender = new PluginExecutionContext { MessageName = MessageNames.Create, PrimaryEntityName = ActivitySchema.Task, Depth = 1 };
            ProductWriteMarker.Mark(sender, ProductWriteMarker.Recalculating, account);
            return sender;
        }

        [Test]
        public void The_recalculation_itself_may_write_them()
        {
            var target = HandEdited();

            _h.Run(new ProtectAssessmentColumns(), MessageNames.Update, AccountSchema.EntityName, target, parent: Recalculating(PluginIds.AccountA), depth: 2);

            Assert.That(target.Contains(AccountSchema.OverallHealth), Is.True);
        }

        [Test]
        public void The_recalculation_tag_alone_lets_nothing_through()
        {
            var target = HandEdited();

            _h.Run(new ProtectAssessmentColumns(), MessageNames.Update, AccountSchema.EntityName, target, tag: AccountHealthRecalculator.RecalculationTag);

            Assert.That(target.Contains(AccountSchema.OverallHealth), Is.False);
        }

        [Test]
        public void A_recalculation_of_another_account_above_lets_nothing_through()
        {
            var target = HandEdited();

            _h.Run(new ProtectAssessmentColumns(), MessageNames.Update, AccountSchema.EntityName, target, parent: Recalculating(Guid.NewGuid()), depth: 2);

            Assert.That(target.Contains(AccountSchema.OverallHealth), Is.False);
        }

        [Test]
        public void The_mark_on_the_request_s_own_context_is_not_trusted()
        {
            var target = HandEdited();
            var own = new Entity(AccountSchema.EntityName, PluginIds.AccountA);

            // Only a parent can vouch for a write: the request's own shared variables are the caller's side.
            var context = _h.Run(new ProtectAssessmentColumns(), MessageNames.Update, AccountSchema.EntityName, own);
            ProductWriteMarker.Mark(context, ProductWriteMarker.Recalculating, PluginIds.AccountA);
            Assert.That(ProductWriteMarker.MarkedAbove(context, ProductWriteMarker.Recalculating, PluginIds.AccountA), Is.False);

            _h.Run(new ProtectAssessmentColumns(), MessageNames.Update, AccountSchema.EntityName, target);
            Assert.That(target.Contains(AccountSchema.OverallHealth), Is.False);
        }

        private void SavePolicyValue(string json, string message = MessageNames.Create)
        {
            var value = Rows.PolicyValue(json);
            _h.Run(new ValidatePolicyVariable(), message, EnvironmentVariableSchema.ValueEntityName,
                message == MessageNames.Create ? value : new Entity(value.LogicalName, value.Id) { [EnvironmentVariableSchema.Value] = json },
                before: value);
        }

        [Test]
        public void Saving_an_invalid_policy_is_refused_with_every_problem_and_its_path()
        {
            _h.Seed(Rows.PolicyDefinition());

            var error = Assert.Throws<InvalidPluginExecutionException>(() =>
                SavePolicyValue("{ \"weights\": { \"service\": -1 }, \"perks\": { \"windowDays\": 0 } }"));

            Assert.That(error!.Message, Is.EqualTo("This value of loy_LoyaltyPolicy is not a valid loyalty policy, so it was not saved:\n"
                + "  $.weights.service: a weight must not be below 0, is -1\n"
                + "  $.perks.windowDays: a window must be at least 1 day, is 0"));
        }

        [Test]
        public void A_value_saved_without_a_definition_is_checked_when_it_is_pointed_at_the_policy()
        {
            _h.Seed(Rows.PolicyDefinition());
            var orphan = new Entity(EnvironmentVariableSchema.ValueEntityName, PluginIds.PolicyValue) { [EnvironmentVariableSchema.Value] = "{ \"windowDays\": 0 }" };
            Assert.DoesNotThrow(() => _h.Run(new ValidatePolicyVariable(), MessageNames.Create, EnvironmentVariableSchema.ValueEntityName, orphan), "no definition yet: nothing to check against");

            var error = Assert.Throws<InvalidPluginExecutionException>(() => _h.Run(new ValidatePolicyVariable(), MessageNames.Update, EnvironmentVariableSchema.ValueEntityName,
                new Entity(EnvironmentVariableSchema.ValueEntityName, PluginIds.PolicyValue)
                {
                    [EnvironmentVariableSchema.DefinitionLookup] = new EntityReference(EnvironmentVariableSchema.DefinitionEntityName, PluginIds.PolicyDefinition),
                }, before: orphan));

            Assert.That(error!.Message, Does.Contain("$.windowDays: a window must be at least 1 day, is 0"));
        }

        [Test]
        public void Shape_and_value_problems_are_refused_together()
        {
            _h.Seed(Rows.PolicyDefinition());

            var error = Assert.Throws<InvalidPluginExecutionException>(() => SavePolicyValue("{ \"bands\": 5, \"windowDays\": 1000000 }"));

            Assert.That(error!.Message, Does.Contain("$.bands: expected an object, found the number 5").And.Contain("$.windowDays: a window must be at most 3650 days"));
        }

        [Test]
        public void Updating_the_value_is_checked_too()
        {
            _h.Seed(Rows.PolicyDefinition());

            var error = Assert.Throws<InvalidPluginExecutionException>(() => SavePolicyValue("{ \"bands\": 5 }", MessageNames.Update));

            Assert.That(error!.Message, Does.Contain("$.bands: expected an object, found the number 5"));
        }

        [Test]
        public void A_valid_policy_and_other_variables_are_saved()
        {
            _h.Seed(Rows.PolicyDefinition());
            _h.Seed(new Entity(EnvironmentVariableSchema.DefinitionEntityName, new Guid("ee000000-0000-0000-0000-0000000000ff")) { [EnvironmentVariableSchema.SchemaName] = "other_Setting" });

            Assert.Multiple(() =>
            {
                Assert.DoesNotThrow(() => SavePolicyValue("{ \"weights\": { \"service\": 0.5 } }"));
                Assert.DoesNotThrow(() => _h.Run(new ValidatePolicyVariable(), MessageNames.Create, EnvironmentVariableSchema.ValueEntityName,
                    new Entity(EnvironmentVariableSchema.ValueEntityName, Guid.Empty)
                    {
                        [EnvironmentVariableSchema.DefinitionLookup] = new EntityReference(EnvironmentVariableSchema.DefinitionEntityName, new Guid("ee000000-0000-0000-0000-0000000000ff")),
                        [EnvironmentVariableSchema.Value] = "not json at all",
                    }));
            });
        }

        [Test]
        public void An_invalid_default_value_is_refused_too()
        {
            var definition = Rows.PolicyDefinition();

            var error = Assert.Throws<InvalidPluginExecutionException>(() => _h.Run(new ValidatePolicyVariable(), MessageNames.Update,
                EnvironmentVariableSchema.DefinitionEntityName,
                new Entity(definition.LogicalName, definition.Id) { [EnvironmentVariableSchema.DefaultValue] = "{ \"trend\": { \"changePoints\": 0 } }" },
                before: definition));

            Assert.That(error!.Message, Does.StartWith("This default value of loy_LoyaltyPolicy is not a valid loyalty policy").And.Contain("$.trend.changePoints"));
        }
    }
}
