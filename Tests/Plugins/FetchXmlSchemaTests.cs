using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Health;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>Every query the plugins send is valid according to Microsoft's published Fetch.xsd.</summary>
    public class FetchXmlSchemaTests
    {
        private static readonly DateTime Since = new(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Account = new("a1000000-0000-0000-0000-00000000000a");

        private static XmlSchemaSet Schema()
        {
            var xsd = Path.Combine(RepositoryPaths.Schemas, "Fetch.xsd");
            Assert.That(File.Exists(xsd), Is.True, $"Microsoft's Fetch.xsd is expected at {xsd}");
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            set.Add(null, xsd);
            set.Compile();
            return set;
        }

        /// <summary>Every query the plugins send, named.</summary>
        internal static IEnumerable<TestCaseData> Queries()
        {
            yield return new TestCaseData(HealthQueries.ActivitiesWithParties(Account, Since)).SetName("Activities of an account with the contacts taking part");
            yield return new TestCaseData(HealthQueries.Activities(Account, Since)).SetName("Activities of an account");
            yield return new TestCaseData(HealthQueries.Parties(Account, Since)).SetName("Engaged contacts of an account");
            yield return new TestCaseData(PolicyQuery.Definition()).SetName("The policy variable");
            yield return new TestCaseData(HealthQueries.FollowUps(Account)).SetName("Follow-up tasks");
            yield return new TestCaseData(HealthQueries.StaleAccounts(Since, Since.AddDays(1), countOnly: false)).SetName("Stale accounts");
            yield return new TestCaseData(HealthQueries.StaleAccounts(Since, Since.AddDays(1), countOnly: true)).SetName("Count of stale accounts");
        }

        [TestCaseSource(nameof(Queries))]
        public void The_query_is_valid_fetchxml(XElement fetch)
        {
            var errors = Validate(WithoutUnionHints(fetch));

            Assert.That(errors, Is.Empty, fetch.ToString());
        }

        /// <summary>
        /// The union hint on a filter ("Optimize performance using FetchXml") is newer than the published schema,
        /// which declares no <c>hint</c>; it is the one part the check leaves out, and only on an <c>or</c> filter
        /// with the value <c>union</c>, where Dataverse accepts it.
        /// </summary>
        private static XElement WithoutUnionHints(XElement fetch)
        {
            var copy = new XElement(fetch);
            foreach (var hint in copy.Descendants("filter").Attributes("hint").Where(h => h.Value == "union" && (string?)h.Parent!.Attribute("type") == "or").ToList())
                hint.Remove();
            return copy;
        }

        [Test]
        public void The_union_hint_is_the_only_part_the_schema_does_not_know()
        {
            var fetch = HealthQueries.ActivitiesWithParties(Account, Since);

            var errors = Validate(fetch);

            Assert.Multiple(() =>
            {
                Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
                Assert.That(errors, Has.All.Contain("'hint'"));
            });
        }

        private static List<string> Validate(XElement fetch)
        {
            var errors = new List<string>();
            new XDocument(fetch).Validate(Schema(), (_, e) => errors.Add(e.Message));
            return errors;
        }

        [Test]
        public void The_check_catches_an_invalid_query()
        {
            var broken = XElement.Parse("<fetch><entity name='account'><condition attribute='x' operator='eq' value='1'/></entity></fetch>");
            var errors = new List<string>();

            new XDocument(broken).Validate(Schema(), (_, e) => errors.Add(e.Message));

            Assert.That(errors, Is.Not.Empty);
        }
    }
}
