using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class FetchLinkEntityTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.Seed(
                new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["ownerid"] = new EntityReference("systemuser", Ids.Owner) },
                new Entity("account", Ids.Fabrikam) { ["name"] = "Fabrikam" },
                new Entity("systemuser", Ids.Owner) { ["fullname"] = "Olga Owner" },
                new Entity("contact", Ids.Alice) { ["fullname"] = "Alice", ["parentcustomerid"] = new EntityReference("account", Ids.Contoso), ["jobtitle"] = "CEO" },
                new Entity("contact", Ids.Bob) { ["fullname"] = "Bob", ["parentcustomerid"] = new EntityReference("account", Ids.Contoso) },
                new Entity("contact", Ids.Carol) { ["fullname"] = "Carol" });
        }

        [Test]
        public void An_inner_link_returns_one_row_per_match_with_link_columns_as_aliased_values()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'>
                  <attribute name='fullname'/><order attribute='fullname'/>
                </link-entity></entity></fetch>");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(rows.Select(r => ((AliasedValue)r["c.fullname"]).Value), Is.EqualTo(new[] { "Alice", "Bob" }));
                var aliased = (AliasedValue)rows[0]["c.fullname"];
                Assert.That(aliased.EntityLogicalName, Is.EqualTo("contact"));
                Assert.That(aliased.AttributeLogicalName, Is.EqualTo("fullname"));
                Assert.That(rows.Select(r => r.Id), Is.All.EqualTo(Ids.Contoso));
            }
        }

        [Test]
        public void A_link_without_an_alias_is_named_after_its_table_and_position()
        {
            var row = Fetch(@"<fetch><entity name='account'><filter><condition attribute='accountid' operator='eq' value='a0000000-0000-0000-0000-000000000001'/></filter>
                <link-entity name='systemuser' from='systemuserid' to='ownerid'><attribute name='fullname'/></link-entity>
                </entity></fetch>").Single();

            Assert.That(((AliasedValue)row["systemuser1.fullname"]).Value, Is.EqualTo("Olga Owner"));
        }

        [Test]
        public void An_attribute_alias_on_a_link_column_is_the_whole_key()
        {
            var row = Fetch(@"<fetch><entity name='account'>
                <link-entity name='systemuser' from='systemuserid' to='ownerid' alias='o'><attribute name='fullname' alias='ownername'/></link-entity>
                </entity></fetch>").Single();

            Assert.That(((AliasedValue)row["ownername"]).Value, Is.EqualTo("Olga Owner"));
        }

        [Test]
        public void A_row_names_its_primary_id_once_in_the_place_the_query_asked_for_it()
        {
            var row = Fetch(@"<fetch><entity name='account'><attribute name='accountid'/><attribute name='name'/>
                <link-entity name='systemuser' from='systemuserid' to='ownerid' alias='o'><attribute name='fullname'/></link-entity>
                </entity></fetch>").Single();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.Attributes.Select(a => a.Key), Is.EqualTo(new[] { "accountid", "name", "o.fullname" }));
                Assert.That(row["accountid"], Is.EqualTo(Ids.Contoso));
                Assert.That(row.Id, Is.EqualTo(Ids.Contoso));
            }
        }

        [Test]
        public void A_link_column_aliased_as_a_root_column_replaces_it_instead_of_failing_the_query()
        {
            var row = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
                <link-entity name='systemuser' from='systemuserid' to='ownerid' alias='o'><attribute name='fullname' alias='name'/></link-entity>
                </entity></fetch>").Single();

            Assert.That(((AliasedValue)row["name"]).Value, Is.EqualTo("Olga Owner"));
        }

        [Test]
        public void An_outer_link_keeps_parents_without_a_match_and_leaves_the_link_columns_out()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>
                <link-entity name='systemuser' from='systemuserid' to='ownerid' link-type='outer' alias='o'><attribute name='fullname'/></link-entity>
                </entity></fetch>");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(rows.Select(r => r.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "Contoso", "Fabrikam" }));
                Assert.That(rows[1].Contains("o.fullname"), Is.False);
            }
        }

        [Test]
        public void A_filter_inside_an_outer_link_restricts_the_join_not_the_parents()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>
                <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='c'>
                  <attribute name='fullname'/>
                  <filter><condition attribute='jobtitle' operator='eq' value='CEO'/></filter>
                </link-entity></entity></fetch>");

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("name") + "/" + (r.Contains("c.fullname") ? ((AliasedValue)r["c.fullname"]).Value : "-")),
                Is.EqualTo(new[] { "Contoso/Alice", "Fabrikam/-" }));
        }

        [Test]
        public void A_root_condition_with_entityname_filters_on_a_link_column()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
                <filter><condition entityname='c' attribute='fullname' operator='eq' value='Bob'/></filter>
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'/>
                </entity></fetch>");

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "Contoso" }));
        }

        [Test]
        public void An_outer_link_with_a_null_condition_finds_parents_that_have_no_children()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
                <filter><condition entityname='c' attribute='contactid' operator='null'/></filter>
                <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='c'/>
                </entity></fetch>");

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "Fabrikam" }));
        }

        [Test]
        public void Nested_links_join_from_their_parent_link()
        {
            var rows = Fetch(@"<fetch><entity name='contact'><attribute name='fullname'/><order attribute='fullname'/>
                <link-entity name='account' from='accountid' to='parentcustomerid' alias='a'>
                  <link-entity name='systemuser' from='systemuserid' to='ownerid' alias='u'><attribute name='fullname'/></link-entity>
                </link-entity></entity></fetch>");

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("fullname") + "/" + ((AliasedValue)r["u.fullname"]).Value),
                Is.EqualTo(new[] { "Alice/Olga Owner", "Bob/Olga Owner" }));
        }

        [Test]
        public void Ordering_on_a_link_column_applies_after_the_root_orders()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'>
                  <attribute name='fullname'/><order attribute='fullname' descending='true'/>
                </link-entity></entity></fetch>");

            Assert.That(rows.Select(r => ((AliasedValue)r["c.fullname"]).Value), Is.EqualTo(new[] { "Bob", "Alice" }));
        }

        [Test]
        public void A_root_order_with_entityname_sorts_by_a_link_column()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
                <order entityname='c' attribute='fullname' descending='true'/>
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'><attribute name='fullname'/></link-entity>
                </entity></fetch>");

            Assert.That(rows.Select(r => ((AliasedValue)r["c.fullname"]).Value), Is.EqualTo(new[] { "Bob", "Alice" }));
        }

        [Test]
        public void An_entityname_that_names_no_link_is_a_fault_naming_it()
        {
            var fault = Faults.Of(() => Fetch(@"<fetch><entity name='account'>
                <filter><condition entityname='x' attribute='fullname' operator='eq' value='Bob'/></filter></entity></fetch>"));

            Assert.That(fault.Message, Does.Contain("'x'"));
        }

        [Test]
        public void A_union_hint_returns_the_rows_the_plain_or_filter_returns()
        {
            string Query(string hint) => $@"<fetch><entity name='account'><attribute name='name'/><order attribute='name'/>
                <filter type='or'{hint}><condition entityname='c' attribute='fullname' operator='eq' value='Alice'/><condition entityname='o' attribute='fullname' operator='eq' value='Olga Owner'/></filter>
                <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='c'/>
                <link-entity name='systemuser' from='systemuserid' to='ownerid' link-type='outer' alias='o'/></entity></fetch>";

            var plain = Fetch(Query("")).Select(r => r.GetAttributeValue<string>("name")).ToList();
            var union = Fetch(Query(" hint='union'")).Select(r => r.GetAttributeValue<string>("name")).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(plain, Is.Not.Empty);
                Assert.That(union, Is.EqualTo(plain));
            });
        }

        [TestCase(15, false)]
        [TestCase(16, true)]
        public void Dataverse_allows_at_most_fifteen_link_entities_in_a_query(int links, bool refused)
        {
            var joins = string.Concat(Enumerable.Range(1, links).Select(i => $"<link-entity name='systemuser' from='systemuserid' to='ownerid' link-type='outer' alias='o{i}'/>"));
            var fetch = $"<fetch><entity name='account'><attribute name='name'/>{joins}</entity></fetch>";

            if (!refused)
            {
                Assert.That(Fetch(fetch), Has.Count.EqualTo(2));
                return;
            }
            var fault = Faults.Of(() => Fetch(fetch));
            Assert.That((fault.ErrorCode, fault.Message), Is.EqualTo((ErrorCodes.TooManyLinkEntities, "Number of link entities in query exceeded maximum limit.")));
        }

        private DataCollectionView Fetch(string fetchXml) => new DataCollectionView(_service.RetrieveMultiple(new FetchExpression(fetchXml)));

        // Indexable, enumerable view of the result rows for short assertions.
        private sealed class DataCollectionView : System.Collections.Generic.List<Entity>
        {
            public DataCollectionView(EntityCollection collection)
                : base(collection.Entities)
            {
            }
        }
    }
}
