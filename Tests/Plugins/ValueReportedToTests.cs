using System;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>
    /// The person a value was reported to took part in the value report (its form names them in "Reported to",
    /// not in a party list): the recalculation's query reads them and the mapper counts them as a contact of the
    /// report when they belong to the account, with their department and role.
    /// </summary>
    public class ValueReportedToTests
    {
        private static readonly EntityReference A = Rows.Ref(AccountSchema.EntityName, PluginIds.AccountA);

        private static Interaction MappedValueReport(Guid reportedTo, out AccountSnapshot snapshot)
        {
            var h = new PluginHarness();
            h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-2)), Rows.Account(PluginIds.AccountB, PluginHarness.Now.AddYears(-2), "Fabrikam"));
            h.Seed(Rows.Contact(1, PluginIds.AccountA, "Finance", ContactSchema.RoleDecisionMaker), Rows.Contact(2, PluginIds.AccountB));
            var report = Rows.ValueReport(1, A, PluginHarness.Now.AddDays(-3), 5000m);
            report[ValueReportSchema.ReportedToId] = new EntityReference(ContactSchema.EntityName, reportedTo);
            h.Seed(report);

            var since = PluginHarness.Now.AddYears(-1);
            var activities = h.Service.RetrieveMultiple(new FetchExpression(HealthQueries.Activities(PluginIds.AccountA, since).ToString())).Entities;
            var parties = h.Service.RetrieveMultiple(new FetchExpression(HealthQueries.Parties(PluginIds.AccountA, since).ToString())).Entities;
            snapshot = new SnapshotMapper().Map(h.Stored(AccountSchema.EntityName, PluginIds.AccountA), activities, parties);
            return snapshot.Interactions.Single();
        }

        [Test]
        public void The_contact_a_value_was_reported_to_took_part_in_the_report()
        {
            var report = MappedValueReport(PluginIds.Contact(1), out var snapshot);

            Assert.Multiple(() =>
            {
                Assert.That(report.ContactIds, Is.EqualTo(new[] { PluginIds.Contact(1) }));
                var contact = snapshot.Contacts.Single();
                Assert.That(contact.Department, Is.EqualTo("Finance"));
                Assert.That(contact.Seniority, Is.EqualTo(Seniority.DecisionMaker));
            });
        }

        [Test]
        public void A_value_reported_to_another_accounts_contact_names_nobody_of_this_account()
        {
            var report = MappedValueReport(PluginIds.Contact(2), out var snapshot);

            Assert.Multiple(() =>
            {
                Assert.That(report.ContactIds, Is.Empty);
                Assert.That(snapshot.Contacts, Is.Empty);
            });
        }
    }
}
