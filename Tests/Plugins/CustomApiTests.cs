using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    public class CustomApiTests
    {
        private PluginHarness _h = null!;

        [SetUp]
        public void SetUp() => _h = new PluginHarness();

        [Test]
        public void Recalculating_one_account_on_demand_returns_its_band_and_health()
        {
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-2)).WithAgreement(OptionValues.CadenceQuarterly, OptionValues.ChannelPhone));
            _h.Seed(Rows.Contact(1, PluginIds.AccountA), Rows.PhoneCall(1, Rows.Ref(AccountSchema.EntityName, PluginIds.AccountA), PluginHarness.Now.AddDays(-10), true, PluginIds.Contact(1)));

            var context = _h.Run(new RecalculateAccountHealthApi(), CustomApiNames.RecalculateAccount, AccountSchema.EntityName,
                new EntityReference(AccountSchema.EntityName, PluginIds.AccountA));

            Assert.Multiple(() =>
            {
                Assert.That(context.OutputParameters[CustomApiNames.OutcomeOutput], Is.EqualTo("Written"));
                Assert.That(context.OutputParameters[CustomApiNames.BandOutput], Is.EqualTo("Watch").Or.EqualTo("AtRisk").Or.EqualTo("Healthy"));
                Assert.That(context.OutputParameters[CustomApiNames.OverallOutput],
                    Is.EqualTo(_h.Stored(AccountSchema.EntityName, PluginIds.AccountA).GetAttributeValue<int?>(AccountSchema.OverallHealth)));
            });
        }

        private static readonly Guid Stranger = new("05000000-0000-0000-0000-0000000000ff");

        private string RefusalFor(Guid account)
        {
            var error = Assert.Throws<InvalidPluginExecutionException>(() => _h.Run(new RecalculateAccountHealthApi(), CustomApiNames.RecalculateAccount,
                AccountSchema.EntityName, new EntityReference(AccountSchema.EntityName, account)));
            return error!.Message;
        }

        [Test]
        public void Recalculating_a_missing_account_is_refused()
        {
            Assert.That(RefusalFor(PluginIds.AccountB), Is.EqualTo($"Account {PluginIds.AccountB} does not exist or you do not have permission to read it."));
        }

        [TestCase(false, TestName = "A caller whose read depth does not reach the account is refused as if it did not exist")]
        [TestCase(true, TestName = "A caller without any account read privilege is refused as if it did not exist")]
        public void A_caller_who_may_not_read_the_account_learns_nothing_about_it(bool noPrivilegeAtAll)
        {
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-2)).WithAgreement(OptionValues.CadenceQuarterly, OptionValues.ChannelPhone));
            if (noPrivilegeAtAll) _h.Service.DenyRead(Stranger, AccountSchema.EntityName, privilege: "prvReadAccount");
            else _h.Service.DenyRead(Stranger, AccountSchema.EntityName, PluginIds.AccountA);
            _h.CallerId = Stranger;
            var before = _h.Stored(AccountSchema.EntityName, PluginIds.AccountA);

            var existing = RefusalFor(PluginIds.AccountA);
            var missing = RefusalFor(PluginIds.AccountB);

            Assert.Multiple(() =>
            {
                Assert.That(existing.Replace(PluginIds.AccountA.ToString(), "{id}"), Is.EqualTo(missing.Replace(PluginIds.AccountB.ToString(), "{id}")),
                    "the same answer for an account the caller cannot read as for one that does not exist");
                Assert.That(_h.Stored(AccountSchema.EntityName, PluginIds.AccountA).Attributes.Keys, Is.EquivalentTo(before.Attributes.Keys), "nothing recalculated");
                Assert.That(_h.Traces, Does.Contain(Stranger.ToString()), "the check used the caller's own identity");
            });
        }

        [Test]
        public void The_caller_is_checked_with_their_own_service_and_the_recalculation_runs_as_system()
        {
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-2)));
            _h.CallerId = Stranger;

            _h.Run(new RecalculateAccountHealthApi(), CustomApiNames.RecalculateAccount, AccountSchema.EntityName, new EntityReference(AccountSchema.EntityName, PluginIds.AccountA));

            Assert.That(_h.LastServicesCreatedFor, Is.EquivalentTo(new Guid?[] { Stranger, null }));
        }

        private void SeedAccounts(int count, DateTime? scoredOn)
        {
            for (var i = 0; i < count; i++)
            {
                var account = Rows.Account(new Guid($"a2000000-0000-0000-0000-{i:D12}"), PluginHarness.Now.AddYears(-2), "Account " + i);
                if (scoredOn is { } on) account[AccountSchema.HealthScoredOn] = on;
                _h.Seed(account);
            }
        }

        private PluginExecutionContextOutputs RunStale(int maxAgeHours, int? budgetSeconds)
        {
            var inputs = new Dictionary<string, object> { [CustomApiNames.MaxAgeHoursInput] = maxAgeHours };
            if (budgetSeconds is { } b) inputs[CustomApiNames.TimeBudgetSecondsInput] = b;
            var context = _h.Run(new RecalculateStaleAccountsApi(), CustomApiNames.RecalculateStale, null, inputs: inputs);
            return new PluginExecutionContextOutputs((int)context.OutputParameters[CustomApiNames.RecalculatedOutput], (int)context.OutputParameters[CustomApiNames.RemainingOutput]);
        }

        private sealed record PluginExecutionContextOutputs(int Recalculated, int Remaining);

        [Test]
        public void Stale_accounts_are_rescored_oldest_first_within_the_time_budget()
        {
            SeedAccounts(10, scoredOn: null);
            // Every request takes a second of the budget.
            _h.Service.BeforeRequest += (_, _) => _h.Clock.UtcNow = _h.Clock.UtcNow.AddSeconds(1);

            var first = RunStale(maxAgeHours: 24, budgetSeconds: 12);
            var second = RunStale(maxAgeHours: 24, budgetSeconds: 100);

            Assert.Multiple(() =>
            {
                Assert.That(first.Recalculated, Is.InRange(1, 9), "stopped by the budget");
                Assert.That(first.Remaining, Is.EqualTo(10 - first.Recalculated));
                Assert.That(second.Recalculated, Is.EqualTo(first.Remaining));
                Assert.That(second.Remaining, Is.Zero);
            });
        }

        [Test]
        public void One_account_whose_write_fails_does_not_stop_the_refresh_for_the_others_nor_stay_first()
        {
            SeedAccounts(4, scoredOn: null);
            var bad = new Guid("a2000000-0000-0000-0000-000000000000");
            // The recalculation's write of the first (oldest) account is refused every time.
            _h.Service.BeforeRequest += (_, e) =>
            {
                if (e.Request is Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target: { } target } && target.Id == bad && target.Contains(AccountSchema.HealthBand))
                    throw new System.ServiceModel.FaultException<OrganizationServiceFault>(new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040265), Message = "Refused by a validation plugin." },
                        new System.ServiceModel.FaultReason("Refused by a validation plugin."));
            };

            var context = _h.Run(new RecalculateStaleAccountsApi(), CustomApiNames.RecalculateStale, null,
                inputs: new Dictionary<string, object> { [CustomApiNames.MaxAgeHoursInput] = 24, [CustomApiNames.TimeBudgetSecondsInput] = 100 });
            var again = RunStale(maxAgeHours: 24, budgetSeconds: 100);

            Assert.Multiple(() =>
            {
                Assert.That(context.OutputParameters[CustomApiNames.RecalculatedOutput], Is.EqualTo(3), _h.Traces);
                Assert.That(context.OutputParameters[CustomApiNames.FailedOutput], Is.EqualTo(1));
                Assert.That(context.OutputParameters[CustomApiNames.RemainingOutput], Is.Zero, "the failed account waits behind the others for MaxAgeHours");
                Assert.That(_h.Traces, Does.Contain($"Account {bad} could not be rescored: Refused by a validation plugin."));
                Assert.That(again.Recalculated, Is.Zero, "nothing is stale on the next call: the failed account is not tried first again");
                for (var i = 1; i < 4; i++)
                    Assert.That(_h.Stored(AccountSchema.EntityName, new Guid($"a2000000-0000-0000-0000-{i:D12}")).Contains(AccountSchema.HealthBand), Is.True, "account " + i);
            });
        }

        [Test]
        public void Rescoring_a_stale_account_stamps_it_even_when_nothing_changed_so_the_batch_moves_on()
        {
            SeedAccounts(3, scoredOn: null);
            RunStale(24, 100);
            _h.Clock.UtcNow = PluginHarness.Now.AddHours(30);

            var later = RunStale(24, 100);

            Assert.Multiple(() =>
            {
                Assert.That(later.Recalculated, Is.EqualTo(3));
                Assert.That(later.Remaining, Is.Zero);
                Assert.That(_h.All(AccountSchema.EntityName).Select(a => a.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn)),
                    Has.All.EqualTo(PluginHarness.Now.AddHours(30)));
            });
        }

        [TestCase(0, null, "MaxAgeHours must be at least 1, is 0.")]
        [TestCase(24, 500, "TimeBudgetSeconds must be between 1 and 100, is 500.")]
        public void Bad_arguments_are_refused_with_a_clear_message(int maxAge, int? budget, string message)
        {
            var error = Assert.Throws<InvalidPluginExecutionException>(() => RunStale(maxAge, budget));

            Assert.That(error!.Message, Is.EqualTo(message));
        }

        [Test]
        public void A_missing_max_age_is_refused()
        {
            var error = Assert.Throws<InvalidPluginExecutionException>(() => _h.Run(new RecalculateStaleAccountsApi(), CustomApiNames.RecalculateStale, null));

            Assert.That(error!.Message, Is.EqualTo("loy_RecalculateStaleAccountHealth needs MaxAgeHours, a whole number of hours."));
        }
    }
}
