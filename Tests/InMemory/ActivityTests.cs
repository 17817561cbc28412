using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class ActivityTests
    {
        private static readonly EntityReference Contoso = new EntityReference("account", Ids.Contoso);
        private static readonly EntityReference Alice = new EntityReference("contact", Ids.Alice);
        private static readonly EntityReference Bob = new EntityReference("contact", Ids.Bob);
        private static readonly EntityReference Owner = new EntityReference("systemuser", Ids.Owner);
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.RegisterActivityTable("loy_valuereport");
        }

        [Test]
        public void The_default_activity_tables_are_the_standard_six_plus_registered_ones()
        {
            Assert.That(_service.ActivityTables, Is.EquivalentTo(new[] { "email", "phonecall", "appointment", "task", "letter", "fax", "loy_valuereport" }));
        }

        [Test]
        public void Every_activity_is_also_an_activitypointer_row_with_its_type_code()
        {
            _service.Create(new Entity("email", Ids.Email1) { ["subject"] = "Hello", ["regardingobjectid"] = Contoso });
            _service.Create(new Entity("phonecall", Ids.Call1) { ["subject"] = "Call", ["regardingobjectid"] = Contoso });
            _service.Create(new Entity("loy_valuereport", Ids.Report1) { ["subject"] = "Q1 value", ["regardingobjectid"] = Contoso, ["loy_amount"] = 5 });

            var pointers = _service.RetrieveMultiple(new FetchExpression(@"<fetch><entity name='activitypointer'>
                <attribute name='subject'/><attribute name='activitytypecode'/>
                <filter><condition attribute='regardingobjectid' operator='eq' value='a0000000-0000-0000-0000-000000000001'/></filter>
                <order attribute='subject'/></entity></fetch>")).Entities;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(pointers.Select(p => p.GetAttributeValue<string>("activitytypecode")), Is.EqualTo(new[] { "phonecall", "email", "loy_valuereport" }));
                Assert.That(pointers.Select(p => p.Id), Is.EqualTo(new[] { Ids.Call1, Ids.Email1, Ids.Report1 }));
                Assert.That(pointers.Select(p => p.LogicalName), Is.All.EqualTo("activitypointer"));
            }
        }

        [Test]
        public void An_activity_can_be_retrieved_through_activitypointer_by_its_activityid()
        {
            _service.Create(new Entity("task", Ids.Task1) { ["subject"] = "Follow up" });

            var pointer = _service.Retrieve("activitypointer", Ids.Task1, new ColumnSet("subject", "activitytypecode"));

            Assert.That(pointer.GetAttributeValue<string>("activitytypecode"), Is.EqualTo("task"));
        }

        [Test]
        public void Deleting_an_activity_removes_it_from_activitypointer()
        {
            _service.Create(new Entity("task", Ids.Task1) { ["subject"] = "Follow up" });

            _service.Delete("task", Ids.Task1);

            Assert.That(_service.RetrieveMultiple(new FetchExpression("<fetch><entity name='activitypointer'/></fetch>")).Entities, Is.Empty);
        }

        [Test]
        public void A_custom_column_is_not_on_activitypointer_and_asking_for_it_is_a_fault_naming_it()
        {
            _service.Create(new Entity("loy_valuereport", Ids.Report1) { ["loy_amount"] = 5 });

            var fault = Faults.Of(() => _service.RetrieveMultiple(new FetchExpression(
                "<fetch><entity name='activitypointer'><attribute name='loy_amount'/></entity></fetch>")));

            Assert.That(fault.Message, Does.Contain("'loy_amount'"));
        }

        [Test]
        public void All_attributes_on_activitypointer_leave_out_the_activity_specific_columns()
        {
            _service.Create(new Entity("loy_valuereport", Ids.Report1) { ["subject"] = "Q1", ["loy_amount"] = 5 });

            var pointer = _service.RetrieveMultiple(new FetchExpression("<fetch><entity name='activitypointer'><all-attributes/></entity></fetch>")).Entities.Single();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(pointer.Contains("subject"), Is.True);
                Assert.That(pointer.Contains("loy_amount"), Is.False);
            }
        }

        [Test]
        public void Party_lists_are_stored_as_activityparty_rows_with_the_official_masks()
        {
            _service.Create(Email(Ids.Email1, from: Alice, to: new[] { Bob, Contoso }));

            var parties = _service.RetrieveMultiple(new FetchExpression(@"<fetch><entity name='activityparty'>
                <attribute name='partyid'/><attribute name='participationtypemask'/>
                <filter><condition attribute='activityid' operator='eq' value='e0000000-0000-0000-0000-000000000001'/></filter>
                </entity></fetch>")).Entities;

            var pairs = parties.Select(p => p.GetAttributeValue<OptionSetValue>("participationtypemask").Value + ":" + p.GetAttributeValue<EntityReference>("partyid").LogicalName);
            Assert.That(pairs, Is.EquivalentTo(new[]
            {
                ParticipationType.Sender + ":contact",
                ParticipationType.ToRecipient + ":contact",
                ParticipationType.ToRecipient + ":account",
                ParticipationType.Regarding + ":account",
                ParticipationType.Owner + ":systemuser",
            }));
        }

        [Test]
        public void Retrieving_an_activity_gives_back_its_party_lists()
        {
            _service.Create(Email(Ids.Email1, from: Alice, to: new[] { Bob, Contoso }));

            var email = _service.Retrieve("email", Ids.Email1, new ColumnSet("from", "to"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(email.GetAttributeValue<EntityCollection>("from").Entities.Select(p => p.GetAttributeValue<EntityReference>("partyid")), Is.EqualTo(new[] { Alice }));
                Assert.That(email.GetAttributeValue<EntityCollection>("to").Entities.Select(p => p.GetAttributeValue<EntityReference>("partyid")), Is.EqualTo(new[] { Bob, Contoso }));
            }
        }

        [Test]
        public void Updating_a_party_list_replaces_only_that_list()
        {
            _service.Create(Email(Ids.Email1, from: Alice, to: new[] { Bob }));

            _service.Update(new Entity("email", Ids.Email1) { ["to"] = Parties(Contoso) });

            var email = _service.Retrieve("email", Ids.Email1, new ColumnSet("from", "to"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(email.GetAttributeValue<EntityCollection>("from").Entities, Has.Count.EqualTo(1), "the sender stays");
                Assert.That(email.GetAttributeValue<EntityCollection>("to").Entities.Single().GetAttributeValue<EntityReference>("partyid"), Is.EqualTo(Contoso));
            }
        }

        [Test]
        public void Activitypointer_linked_to_each_activity_table_by_its_id_gets_the_columns_of_its_own_table_only()
        {
            _service.Create(new Entity("email", Ids.Email1) { ["subject"] = "Mail", ["directioncode"] = true });
            _service.Create(new Entity("phonecall", Ids.Call1) { ["subject"] = "Call", ["directioncode"] = false });
            _service.Create(new Entity("loy_valuereport", Ids.Report1) { ["subject"] = "Q1 value", ["loy_amount"] = 5 });

            // Outer links from the pointer to every table, as the recalculation's query reads each activity's own columns.
            var rows = _service.RetrieveMultiple(new FetchExpression(@"<fetch><entity name='activitypointer'>
                <attribute name='subject'/><order attribute='subject'/>
                <link-entity name='email' from='activityid' to='activityid' alias='e' link-type='outer'><attribute name='directioncode'/></link-entity>
                <link-entity name='phonecall' from='activityid' to='activityid' alias='c' link-type='outer'><attribute name='directioncode'/></link-entity>
                <link-entity name='loy_valuereport' from='activityid' to='activityid' alias='v' link-type='outer'><attribute name='loy_amount'/></link-entity>
                </entity></fetch>")).Entities;

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("subject") + ":" + string.Join(",", r.Attributes.Keys.Where(k => k.Contains('.')).OrderBy(k => k, StringComparer.Ordinal)
                    .Select(k => k + "=" + ((AliasedValue)r[k]).Value))),
                Is.EqualTo(new[] { "Call:c.directioncode=False", "Mail:e.directioncode=True", "Q1 value:v.loy_amount=5" }));
        }

        [Test]
        public void Activitypointer_links_to_activityparty_to_find_every_activity_a_record_takes_part_in()
        {
            _service.Create(Email(Ids.Email1, from: Alice, to: new[] { Bob }));
            _service.Create(Email(Ids.Email2, from: Bob, to: new[] { Contoso }));
            _service.Create(new Entity("phonecall", Ids.Call1) { ["subject"] = "Call", ["to"] = Parties(Alice) });

            var subjects = _service.RetrieveMultiple(new FetchExpression(@"<fetch distinct='true'><entity name='activitypointer'>
                <attribute name='activityid'/><attribute name='activitytypecode'/><order attribute='activitytypecode'/>
                <link-entity name='activityparty' from='activityid' to='activityid' alias='p'>
                  <filter><condition attribute='partyid' operator='eq' value='c0000000-0000-0000-0000-000000000001'/></filter>
                </link-entity></entity></fetch>")).Entities;

            Assert.That(subjects.Select(s => s.GetAttributeValue<string>("activitytypecode") + ":" + s.Id),
                Is.EqualTo(new[] { "email:" + Ids.Email1, "phonecall:" + Ids.Call1 }));
        }

        [Test]
        public void Deleting_an_activity_removes_its_parties()
        {
            _service.Create(Email(Ids.Email1, from: Alice, to: new[] { Bob }));

            _service.Delete("email", Ids.Email1);

            Assert.That(_service.RetrieveMultiple(new FetchExpression("<fetch><entity name='activityparty'/></fetch>")).Entities, Is.Empty);
        }

        [Test]
        public void A_party_list_that_is_not_an_entity_collection_is_a_fault_naming_the_column()
        {
            var fault = Faults.Of(() => _service.Create(new Entity("email", Ids.Email1) { ["to"] = Bob }));

            Assert.That(fault.Message, Does.Contain("'to'"));
        }

        [Test]
        public void Activitypointer_and_activityparty_cannot_be_written_directly()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Faults.Of(() => _service.Create(new Entity("activitypointer"))).ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(Faults.Of(() => _service.Create(new Entity("activityparty"))).ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
            }
        }

        private static Entity Email(Guid id, EntityReference from, EntityReference[] to) => new Entity("email", id)
        {
            ["subject"] = "Mail " + id,
            ["regardingobjectid"] = Contoso,
            ["ownerid"] = Owner,
            ["from"] = Parties(from),
            ["to"] = Parties(to),
        };

        private static EntityCollection Parties(params EntityReference[] parties) =>
            new EntityCollection(parties.Select(p => new Entity("activityparty") { ["partyid"] = p }).ToList());
    }
}
