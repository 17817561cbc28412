using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class FetchFilterTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.Seed(
                new Entity("account", Ids.Contoso)
                {
                    ["name"] = "Contoso",
                    ["numberofemployees"] = 50,
                    ["revenue"] = new Money(1000m),
                    ["industrycode"] = new OptionSetValue(1),
                    ["donotphone"] = true,
                    ["lastonholdtime"] = new DateTime(2024, 1, 15, 22, 30, 0, DateTimeKind.Utc),
                    ["primarycontactid"] = new EntityReference("contact", Ids.Alice),
                },
                new Entity("account", Ids.Fabrikam)
                {
                    ["name"] = "fabrikam",
                    ["numberofemployees"] = 500,
                    ["revenue"] = new Money(5000m),
                    ["industrycode"] = new OptionSetValue(2),
                    ["donotphone"] = false,
                    ["lastonholdtime"] = new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc),
                },
                new Entity("account", Ids.Northwind) { ["name"] = "Northwind Traders", ["numberofemployees"] = null });
        }

        [TestCase("<condition attribute='name' operator='eq' value='CONTOSO'/>", "Contoso", TestName = "eq on text ignores case, as the database collation does")]
        [TestCase("<condition attribute='name' operator='ne' value='Contoso'/>", "fabrikam,Northwind Traders")]
        [TestCase("<condition attribute='numberofemployees' operator='ne' value='50'/>", "fabrikam", TestName = "ne never matches a row where the column is empty")]
        [TestCase("<condition attribute='numberofemployees' operator='gt' value='50'/>", "fabrikam")]
        [TestCase("<condition attribute='numberofemployees' operator='ge' value='50'/>", "Contoso,fabrikam")]
        [TestCase("<condition attribute='numberofemployees' operator='lt' value='500'/>", "Contoso")]
        [TestCase("<condition attribute='numberofemployees' operator='le' value='500'/>", "Contoso,fabrikam")]
        [TestCase("<condition attribute='numberofemployees' operator='null'/>", "Northwind Traders", TestName = "null matches a column that was set to null")]
        [TestCase("<condition attribute='websiteurl' operator='null'/>", "Contoso,fabrikam,Northwind Traders", TestName = "null matches a column that was never set")]
        [TestCase("<condition attribute='numberofemployees' operator='not-null'/>", "Contoso,fabrikam")]
        [TestCase("<condition attribute='numberofemployees' operator='in'><value>50</value><value>7</value></condition>", "Contoso")]
        [TestCase("<condition attribute='numberofemployees' operator='not-in'><value>50</value></condition>", "fabrikam")]
        [TestCase("<condition attribute='name' operator='like' value='%wind%'/>", "Northwind Traders")]
        [TestCase("<condition attribute='name' operator='like' value='_ontoso'/>", "Contoso")]
        [TestCase("<condition attribute='name' operator='not-like' value='%o%'/>", "fabrikam")]
        [TestCase("<condition attribute='name' operator='begins-with' value='north'/>", "Northwind Traders")]
        [TestCase("<condition attribute='name' operator='ends-with' value='KAM'/>", "fabrikam")]
        [TestCase("<condition attribute='revenue' operator='gt' value='1000.5'/>", "fabrikam", TestName = "money compares by its amount")]
        [TestCase("<condition attribute='industrycode' operator='eq' value='2'/>", "fabrikam", TestName = "an option set compares by its number")]
        [TestCase("<condition attribute='donotphone' operator='eq' value='1'/>", "Contoso", TestName = "a boolean accepts 1 for true")]
        [TestCase("<condition attribute='donotphone' operator='eq' value='false'/>", "fabrikam", TestName = "a boolean accepts false")]
        [TestCase("<condition attribute='primarycontactid' operator='eq' value='{C0000000-0000-0000-0000-000000000001}'/>", "Contoso", TestName = "a lookup compares by the id it points to")]
        [TestCase("<condition attribute='lastonholdtime' operator='on' value='2024-01-15'/>", "Contoso", TestName = "on compares the UTC date")]
        [TestCase("<condition attribute='lastonholdtime' operator='on-or-after' value='2024-01-16'/>", "fabrikam")]
        [TestCase("<condition attribute='lastonholdtime' operator='on-or-before' value='2024-01-15'/>", "Contoso")]
        [TestCase("<condition attribute='lastonholdtime' operator='gt' value='2024-01-15T22:30:00Z'/>", "fabrikam", TestName = "a date-time literal is read culture-invariantly as UTC")]
        [TestCase("<condition attribute='numberofemployees' operator='between'><value>40</value><value>60</value></condition>", "Contoso")]
        [TestCase("<condition attribute='accountid' operator='eq' value='a0000000-0000-0000-0000-000000000002'/>", "fabrikam", TestName = "the primary id is a column like any other")]
        public void A_condition_selects_the_rows_Dataverse_would(string condition, string expectedNames)
        {
            var names = Names($"<fetch><entity name='account'><attribute name='name'/><filter>{condition}</filter></entity></fetch>");

            Assert.That(names, Is.EqualTo(expectedNames));
        }

        [Test]
        public void Nested_filters_combine_and_and_or()
        {
            var names = Names(@"<fetch><entity name='account'><attribute name='name'/>
                <filter type='or'>
                  <condition attribute='name' operator='eq' value='Northwind Traders'/>
                  <filter type='and'>
                    <condition attribute='numberofemployees' operator='ge' value='10'/>
                    <condition attribute='donotphone' operator='eq' value='0'/>
                  </filter>
                </filter></entity></fetch>");

            Assert.That(names, Is.EqualTo("fabrikam,Northwind Traders"));
        }

        [Test]
        public void Returned_rows_hold_only_the_requested_non_null_columns_and_the_primary_id()
        {
            var rows = _service.RetrieveMultiple(new FetchExpression(
                "<fetch><entity name='account'><attribute name='name'/><attribute name='numberofemployees'/>" +
                "<filter><condition attribute='name' operator='eq' value='Northwind Traders'/></filter></entity></fetch>"));

            Assert.That(rows.Entities.Single().Attributes.Keys, Is.EquivalentTo(new[] { "name", "accountid" }));
        }

        [Test]
        public void A_value_that_does_not_fit_the_column_type_is_a_fault_naming_the_condition()
        {
            var fault = Faults.Of(() => Names("<fetch><entity name='account'><filter><condition attribute='numberofemployees' operator='eq' value='many'/></filter></entity></fetch>"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(fault.Message, Does.Contain("numberofemployees").And.Contain("many"));
            }
        }

        private string Names(string fetchXml) =>
            string.Join(",", _service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities
                .Select(e => e.GetAttributeValue<string>("name")).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
    }
}
