using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Newtonsoft.Json;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>
    /// A recalculation reads an account's activities and the parties of its contacts in one query when the rows
    /// fit a page, and in two paged queries beyond it. Both reads must give the model the same account: the same
    /// interactions with the same participants, and the same engaged contacts.
    /// </summary>
    public class ActivityReadTests
    {
        private static readonly EntityReference A = Rows.Ref(AccountSchema.EntityName, PluginIds.AccountA);
        private static readonly EntityReference B = Rows.Ref(AccountSchema.EntityName, PluginIds.AccountB);
        private static readonly DateTime Since = PluginHarness.Now.AddDays(-365);
        private PluginHarness _h = null!;

        [SetUp]
        public void SetUp()
        {
            _h = new PluginHarness();
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-3), "Contoso"), Rows.Account(PluginIds.AccountB, PluginHarness.Now.AddYears(-3), "Fabrikam"));
            _h.Seed(Rows.Contact(1, PluginIds.AccountA, "Finance"), Rows.Contact(2, PluginIds.AccountA, "IT", ContactSchema.RoleEmployee), Rows.Contact(3, PluginIds.AccountB, "Sales"));
            _h.Seed(new Entity(OpportunitySchema.EntityName, PluginIds.Opportunity) { [OpportunitySchema.ParentAccountId] = A });
            var withUser = Rows.Email(1, A, DaysAgo(10), outgoing: true, PluginIds.Contact(1), PluginIds.Contact(3));
            withUser["from"] = new EntityCollection(new List<Entity> { new(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference("systemuser", PluginIds.Owner) } });
            _h.Seed(
                withUser,
                Rows.Meeting(2, Rows.Ref(ContactSchema.EntityName, PluginIds.Contact(2)), DaysAgo(20), "Roadmap review", OptionValues.ChannelInPerson, PluginIds.Contact(1)),
                Rows.ValueReport(3, Rows.Ref(OpportunitySchema.EntityName, PluginIds.Opportunity), DaysAgo(30), 12000m, PluginIds.Contact(2)),
                Rows.PhoneCall(4, B, DaysAgo(40), outgoing: true, PluginIds.Contact(2), PluginIds.Contact(3)),
                Rows.Email(5, B, DaysAgo(50), outgoing: false, PluginIds.Contact(3)),
                Rows.Perk(6, A, DaysAgo(60), "Season tickets", 800m),
                Rows.Email(7, A, DaysAgo(400), outgoing: true, PluginIds.Contact(1)));
        }

        private static DateTime DaysAgo(int days) => PluginHarness.Now.AddDays(-days);

        [Test]
        public void The_account_gets_the_activities_regarding_it_its_contacts_or_opportunities_and_the_contacts_that_took_part_anywhere()
        {
            var contoso = Combined(PluginIds.AccountA);

            Assert.Multiple(() =>
            {
                Assert.That(contoso.Interactions.Select(i => i.Id), Is.EquivalentTo(new[] { 1, 2, 3, 6 }.Select(PluginIds.Activity)),
                    "the phone call regarding Fabrikam is Fabrikam's business; the email of last year is outside the window");
                Assert.That(contoso.Interactions.Single(i => i.Id == PluginIds.Activity(1)).ContactIds, Is.EqualTo(new[] { PluginIds.Contact(1) }),
                    "Fabrikam's contact and the user on the email are not Contoso's contacts");
                Assert.That(contoso.Interactions.Single(i => i.Id == PluginIds.Activity(2)).ContactIds, Is.EquivalentTo(new[] { PluginIds.Contact(1), PluginIds.Contact(2) }),
                    "the attendee and the contact the meeting regards");
                Assert.That(contoso.Contacts.Select(c => (c.Id, c.Department)), Is.EqualTo(new[] { (PluginIds.Contact(1), "Finance"), (PluginIds.Contact(2), "IT") }),
                    "contact 2 is engaged by the value report and by Fabrikam's phone call alike");
            });
        }

        [Test]
        public void Another_accounts_contact_on_an_activity_is_not_counted_for_it()
        {
            var fabrikam = Combined(PluginIds.AccountB);

            Assert.Multiple(() =>
            {
                Assert.That(fabrikam.Interactions.Select(i => i.Id), Is.EquivalentTo(new[] { 4, 5 }.Select(PluginIds.Activity)));
                Assert.That(fabrikam.Interactions.Single(i => i.Id == PluginIds.Activity(4)).ContactIds, Is.EqualTo(new[] { PluginIds.Contact(3) }));
                Assert.That(fabrikam.Contacts.Select(c => c.Id), Is.EqualTo(new[] { PluginIds.Contact(3) }), "Contoso's contact 1 on Contoso's email is Contoso's");
            });
        }

        [TestCase("a1000000-0000-0000-0000-00000000000a")]
        [TestCase("a1000000-0000-0000-0000-00000000000b")]
        public void One_query_and_two_paged_queries_give_the_model_the_same_account(string accountId)
        {
            var id = new Guid(accountId);
            var apart = new SnapshotMapper().Map(Account(id), Read(HealthQueries.Activities(id, Since)), Read(HealthQueries.Parties(id, Since)));

            Assert.That(Normalised(Combined(id)), Is.EqualTo(Normalised(apart)));
        }

        private AccountSnapshot Combined(Guid accountId) =>
            new SnapshotMapper().Map(Account(accountId), Read(HealthQueries.ActivitiesWithParties(accountId, Since)), Array.Empty<Entity>());

        private Entity Account(Guid id) => _h.Stored(AccountSchema.EntityName, id);

        private List<Entity> Read(System.Xml.Linq.XElement fetch) => _h.Service.RetrieveMultiple(new FetchExpression(fetch.ToString())).Entities.ToList();

        // Participants come in the order of the rows that name them; the model counts them, so their order is not compared.
        private static string Normalised(AccountSnapshot snapshot) => JsonConvert.SerializeObject(snapshot with
        {
            Interactions = snapshot.Interactions.OrderBy(i => i.Id).Select(i => i with { ContactIds = i.ContactIds.OrderBy(c => c).ToList() }).ToList(),
        });
    }
}
