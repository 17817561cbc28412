using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class QueryExpressionTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.Seed(
                new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["numberofemployees"] = 50 },
                new Entity("account", Ids.Fabrikam) { ["name"] = "Fabrikam", ["numberofemployees"] = 500 },
                new Entity("contact", Ids.Alice) { ["fullname"] = "Alice", ["parentcustomerid"] = new EntityReference("account", Ids.Contoso) });
        }

        [Test]
        public void Criteria_orders_and_top_select_like_the_equivalent_FetchXML()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.GreaterEqual, 10);
            query.AddOrder("numberofemployees", OrderType.Descending);

            var rows = _service.RetrieveMultiple(query).Entities;

            Assert.That(rows.Select(r => r.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "Fabrikam" }));
        }

        [Test]
        public void Typed_values_compare_with_stored_values_of_the_matching_type()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            query.Criteria.AddCondition("parentcustomerid", ConditionOperator.In, new EntityReference("account", Ids.Contoso), Ids.Fabrikam);

            Assert.That(_service.RetrieveMultiple(query).Entities.Select(r => r.Id), Is.EqualTo(new[] { Ids.Alice }));
        }

        [Test]
        public void A_link_entity_returns_its_columns_under_its_alias()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            var link = query.AddLink("account", "parentcustomerid", "accountid");
            link.EntityAlias = "a";
            link.Columns = new ColumnSet("name");

            var row = _service.RetrieveMultiple(query).Entities.Single();

            Assert.That(((AliasedValue)row["a.name"]).Value, Is.EqualTo("Contoso"));
        }

        [Test]
        public void Paging_info_pages_through_the_rows()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 1, PageNumber = 1 };
            var first = _service.RetrieveMultiple(query);
            query.PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = first.PagingCookie };
            var second = _service.RetrieveMultiple(query);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(first.Entities.Single().GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
                Assert.That(first.MoreRecords, Is.True);
                Assert.That(second.Entities.Single().GetAttributeValue<string>("name"), Is.EqualTo("Fabrikam"));
                Assert.That(second.MoreRecords, Is.False);
            }
        }

        [Test]
        public void An_unsupported_operator_is_a_fault_naming_it()
        {
            var query = new QueryExpression("account");
            query.Criteria.AddCondition("name", ConditionOperator.Contains, "x");

            var fault = Faults.Of(() => _service.RetrieveMultiple(query));

            Assert.That(fault.Message, Does.Contain("Contains"));
        }
    }
}
