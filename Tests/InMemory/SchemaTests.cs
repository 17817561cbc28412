using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>With the solution's schema, a table or column the organisation does not have fails as in Dataverse instead of matching nothing.</summary>
    public class SchemaTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), ProductSchema.Solution);
            _service.Seed(
                new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["loy_healthband"] = new OptionSetValue(1) },
                new Entity("contact", Ids.Alice) { ["fullname"] = "Alice", ["parentcustomerid"] = new EntityReference("account", Ids.Contoso) },
                new Entity("email", Ids.Email1) { ["subject"] = "Hello", ["regardingobjectid"] = new EntityReference("account", Ids.Contoso) });
        }

        private static void AssertNoColumn(Action call, string table, string column)
        {
            var fault = Faults.Of(call);
            Assert.Multiple(() =>
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
                Assert.That(fault.Message, Is.EqualTo($"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'."));
            });
        }

        private static void AssertNoTable(Action call, string table)
        {
            var fault = Faults.Of(call);
            Assert.Multiple(() =>
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.QueryBuilderNoEntity));
                Assert.That(fault.Message, Is.EqualTo($"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache."));
            });
        }

        private EntityCollection Fetch(string xml) => _service.RetrieveMultiple(new FetchExpression(xml));

        [Test]
        public void The_product_columns_are_known_and_queries_on_them_return_rows()
        {
            var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/><attribute name='loy_healthband'/>
                <filter><condition attribute='statecode' operator='eq' value='0'/></filter><order attribute='createdon'/>
                <link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'><attribute name='fullname'/></link-entity>
                </entity></fetch>");

            Assert.That(rows.Entities.Single().GetAttributeValue<AliasedValue>("c.fullname").Value, Is.EqualTo("Alice"));
        }

        [Test]
        public void A_misspelt_fetchxml_attribute_fails_naming_table_and_column() =>
            AssertNoColumn(() => Fetch("<fetch><entity name='account'><attribute name='nmae'/></entity></fetch>"), "account", "nmae");

        [Test]
        public void A_misspelt_fetchxml_condition_fails_naming_table_and_column() =>
            AssertNoColumn(() => Fetch("<fetch><entity name='account'><filter><condition attribute='loy_healthbnad' operator='null'/></filter></entity></fetch>"),
                "account", "loy_healthbnad");

        [Test]
        public void A_misspelt_fetchxml_order_fails_naming_table_and_column() =>
            AssertNoColumn(() => Fetch("<fetch><entity name='account'><order attribute='createdoon'/></entity></fetch>"), "account", "createdoon");

        [Test]
        public void A_misspelt_link_entity_from_column_fails_naming_the_linked_table() =>
            AssertNoColumn(() => Fetch("<fetch><entity name='account'><link-entity name='contact' from='parentcustomer' to='accountid'/></entity></fetch>"),
                "contact", "parentcustomer");

        [Test]
        public void A_misspelt_link_entity_to_column_fails_naming_the_parent_table() =>
            AssertNoColumn(() => Fetch("<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='acountid'/></entity></fetch>"),
                "account", "acountid");

        [Test]
        public void A_misspelt_column_inside_a_link_entity_fails_naming_the_linked_table() =>
            AssertNoColumn(() => Fetch(@"<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid'>
                <attribute name='fulname'/></link-entity></entity></fetch>"), "contact", "fulname");

        [Test]
        public void A_condition_naming_a_link_alias_is_checked_against_the_linked_table() =>
            AssertNoColumn(() => Fetch(@"<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid' alias='c'/>
                <filter><condition entityname='c' attribute='department_' operator='null'/></filter></entity></fetch>"), "contact", "department_");

        [Test]
        public void A_misspelt_query_expression_column_fails()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("loy_healthscore", ConditionOperator.NotNull);

            AssertNoColumn(() => _service.RetrieveMultiple(query), "account", "loy_healthscore");
        }

        [Test]
        public void A_misspelt_column_in_a_column_set_fails() =>
            AssertNoColumn(() => _service.Retrieve("account", Ids.Contoso, new ColumnSet("name", "loy_overalhealth")), "account", "loy_overalhealth");

        [Test]
        public void A_solution_column_of_another_table_is_not_on_this_one() =>
            AssertNoColumn(() => _service.Retrieve("email", Ids.Email1, new ColumnSet("loy_channel")), "email", "loy_channel");

        [Test]
        public void Creating_with_a_misspelt_column_fails_and_stores_nothing()
        {
            AssertNoColumn(() => _service.Create(new Entity("account", Ids.Fabrikam) { ["name"] = "Fabrikam", ["loy_isrefrence"] = true }), "account", "loy_isrefrence");

            Assert.That(_service.RetrieveMultiple(new QueryExpression("account")).Entities.Select(e => e.Id), Is.EqualTo(new[] { Ids.Contoso }));
        }

        [Test]
        public void Updating_with_a_misspelt_column_fails_and_changes_nothing()
        {
            AssertNoColumn(() => _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Renamed", ["loy_servicecadance"] = new OptionSetValue(1) }),
                "account", "loy_servicecadance");

            Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name"))["name"], Is.EqualTo("Contoso"));
        }

        [Test]
        public void A_misspelt_column_fails_where_the_previous_row_of_the_table_had_a_known_one()
        {
            // The check remembers the columns of the previous row by position; another column there is looked up again.
            _service.Create(new Entity("contact") { ["fullname"] = "Bob", ["jobtitle"] = "Owner" });
            var party = new EntityCollection(new[] { new Entity("activityparty") { ["partyid"] = new EntityReference("contact", Ids.Alice) } });
            _service.Create(new Entity("email") { ["subject"] = "Hi", ["to"] = party });
            var misspeltParty = new EntityCollection(new[] { new Entity("activityparty") { ["partyd"] = new EntityReference("contact", Ids.Alice) } });

            AssertNoColumn(() => _service.Create(new Entity("contact") { ["fullname"] = "Carol", ["jobtitel"] = "Buyer" }), "contact", "jobtitel");
            AssertNoColumn(() => _service.Create(new Entity("email") { ["subject"] = "Hi", ["to"] = misspeltParty }), "activityparty", "partyd");
        }

        [Test]
        public void A_misspelt_column_of_an_activity_party_fails_naming_activityparty()
        {
            var to = new EntityCollection(new[] { new Entity("activityparty") { ["partyid"] = new EntityReference("contact", Ids.Alice), ["adressused"] = "a@b.c" } });

            AssertNoColumn(() => _service.Create(new Entity("email") { ["subject"] = "Hi", ["to"] = to }), "activityparty", "adressused");
        }

        [Test]
        public void An_unknown_table_fails_in_every_message()
        {
            AssertNoTable(() => _service.Create(new Entity("acount") { ["name"] = "x" }), "acount");
            AssertNoTable(() => _service.Update(new Entity("acount", Ids.Contoso) { ["name"] = "x" }), "acount");
            AssertNoTable(() => _service.Retrieve("acount", Ids.Contoso, new ColumnSet("name")), "acount");
            AssertNoTable(() => _service.Delete("acount", Ids.Contoso), "acount");
            AssertNoTable(() => Fetch("<fetch><entity name='acount'/></fetch>"), "acount");
            AssertNoTable(() => Fetch("<fetch><entity name='account'><link-entity name='contcat' from='parentcustomerid' to='accountid'/></entity></fetch>"), "contcat");
        }

        [Test]
        public void The_solutions_custom_activities_are_activities_without_registering_them()
        {
            var id = _service.Create(new Entity("loy_perk") { ["subject"] = "Lunch", ["loy_cost"] = new Money(40m), ["regardingobjectid"] = new EntityReference("account", Ids.Contoso) });

            var pointer = _service.Retrieve("activitypointer", id, new ColumnSet("activitytypecode"));

            Assert.That(pointer["activitytypecode"], Is.EqualTo("loy_perk"));
        }

        [Test]
        public void Without_a_schema_invented_tables_and_columns_are_accepted()
        {
            var schemaless = new InMemoryOrganizationService(() => DateTime.UtcNow);
            schemaless.Create(new Entity("widget") { ["colour"] = "red" });

            Assert.That(schemaless.RetrieveMultiple(new FetchExpression("<fetch><entity name='widget'><attribute name='colour'/></entity></fetch>")).Entities, Has.Count.EqualTo(1));
        }

        [Test]
        public void The_schema_holds_every_column_the_solution_defines_and_the_standard_ones()
        {
            var schema = ProductSchema.Solution;
            var solutionColumns = SolutionEntityReader.ReadSolution(RepositoryPaths.Solution).SelectMany(t => t.Columns.Select(c => (t.Name, c))).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(solutionColumns, Is.Not.Empty);
                Assert.That(solutionColumns.Where(c => !schema.HasColumn(c.Name, c.c)), Is.Empty);
                Assert.That(schema.HasColumn("phonecall", "loy_interactionclass"), Is.True, "tables are named by their lower-cased entity Name");
                Assert.That(schema.HasColumn("loy_healthassessment", "loy_healthassessmentid") && schema.HasColumn("loy_healthassessment", "loy_name"), Is.True);
                Assert.That(schema.HasColumn("email", "activitytypecode") && schema.HasColumn("loy_valuereport", "regardingobjectid"), Is.True, "activities share activitypointer's columns");
                Assert.That(schema.HasColumn("activitypointer", "loy_interactionclass"), Is.False, "custom columns are never on activitypointer");
            });
        }

        [Test]
        public void The_schema_of_a_solution_folder_is_read_once() =>
            Assert.That(OrganisationSchema.FromSolution(RepositoryPaths.Solution), Is.SameAs(OrganisationSchema.FromSolution(RepositoryPaths.Solution + "/")));
    }
}
