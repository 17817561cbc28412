using System;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>The plugins' own queries run against the solution's schema, and a misspelt column in one of them would fail a test.</summary>
    public class PluginQueriesAgainstSchemaTests
    {
        private static readonly DateTime Since = new(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Account = new("a1000000-0000-0000-0000-00000000000b");

        [TestCaseSource(typeof(FetchXmlSchemaTests), nameof(FetchXmlSchemaTests.Queries))]
        public void The_query_names_only_columns_the_organisation_has(XElement fetch)
        {
            var harness = new PluginHarness();

            Assert.DoesNotThrow(() => harness.Service.RetrieveMultiple(new FetchExpression(fetch.ToString())));
        }

        [Test]
        public void A_misspelt_column_in_a_plugin_query_fails_instead_of_matching_nothing()
        {
            var harness = new PluginHarness();
            var fetch = HealthQueries.Activities(Account, Since);
            var regarding = fetch.Descendants("condition").First(c => (string?)c.Attribute("attribute") == ActivitySchema.RegardingObjectId);
            regarding.SetAttributeValue("attribute", "regardingobjectd");

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => harness.Service.RetrieveMultiple(new FetchExpression(fetch.ToString())))!;

            Assert.Multiple(() =>
            {
                Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
                Assert.That(fault.Detail.Message, Does.StartWith("'activitypointer' entity doesn't contain attribute with Name = 'regardingobjectd'"));
            });
        }
    }
}
