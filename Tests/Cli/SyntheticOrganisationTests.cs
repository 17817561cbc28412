using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// generate writes the same organisation in either order: by creation, as an export lists each table (every
    /// account's records spread across it), or account by account.
    /// </summary>
    public class SyntheticOrganisationTests
    {
        private static readonly SyntheticOptions ByCreation = new() { Accounts = 40, ContactsPerAccount = 3, ActivitiesPerAccount = 12, Seed = 7 };
        private static readonly SyntheticOptions ByAccount = ByCreation with { Order = RecordOrder.Account };

        [Test]
        public void Both_orders_hold_the_same_records()
        {
            var created = SyntheticOrganisation.Records(ByCreation).Select(Describe).ToList();
            var byAccount = SyntheticOrganisation.Records(ByAccount).Select(Describe).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(created, Has.Count.EqualTo(40 + 40 * 3 + 40 * 12));
                Assert.That(created, Is.Unique);
                Assert.That(created, Is.EquivalentTo(byAccount));
                Assert.That(created, Is.Not.EqualTo(byAccount), "in another order");
            });
        }

        [TestCase(40, 3, 12)]
        [TestCase(7, 1, 0)]
        public void The_record_count_generate_reports_against_is_the_records_given(int accounts, int contacts, int activities)
        {
            var options = ByCreation with { Accounts = accounts, ContactsPerAccount = contacts, ActivitiesPerAccount = activities };

            Assert.That(SyntheticOrganisation.Records(options).LongCount(), Is.EqualTo(options.RecordCount));
        }

        [Test]
        public void By_creation_each_table_lists_its_records_by_date_with_accounts_interleaved()
        {
            var records = SyntheticOrganisation.Records(ByCreation).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(records.Where(r => r.LogicalName == AccountSchema.EntityName).Select(r => r.GetAttributeValue<DateTime>(AccountSchema.CreatedOn)), Is.Ordered);
                foreach (var table in records.Select(r => r.LogicalName).Distinct().Where(t => t != AccountSchema.EntityName && t != ContactSchema.EntityName))
                {
                    var activities = records.Where(r => r.LogicalName == table).ToList();
                    Assert.That(activities.Select(r => r.GetAttributeValue<DateTime>(ActivitySchema.ActualEnd)), Is.Ordered, table);
                    Assert.That(AccountRuns(activities), Is.GreaterThan(activities.Select(Regarding).Distinct().Count()), $"{table}: accounts in turn");
                }
            });
        }

        [Test]
        public void By_account_each_table_lists_an_accounts_records_together()
        {
            var records = SyntheticOrganisation.Records(ByAccount).ToList();

            foreach (var table in records.Select(r => r.LogicalName).Distinct().Where(t => t != AccountSchema.EntityName && t != ContactSchema.EntityName))
            {
                var activities = records.Where(r => r.LogicalName == table).ToList();
                Assert.That(AccountRuns(activities), Is.EqualTo(activities.Select(Regarding).Distinct().Count()), table);
            }
        }

        // How many times the account regarded changes from one record to the next, plus one: the accounts' count when each is together.
        private static int AccountRuns(IReadOnlyList<Entity> activities) =>
            1 + activities.Zip(activities.Skip(1), (a, b) => Regarding(a) != Regarding(b)).Count(changed => changed);

        private static Guid Regarding(Entity activity) => activity.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId).Id;

        private static string Describe(Entity record) =>
            $"{record.LogicalName} {record.Id}: " + string.Join("; ", record.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Value(a.Value)}"));

        private static string Value(object? value) => value switch
        {
            EntityReference reference => $"{reference.LogicalName}:{reference.Id}",
            OptionSetValue option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Money money => money.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntityCollection parties => string.Join(",", parties.Entities.Select(p => Value(p.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId)))),
            DateTime date => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }
}
