using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>
    /// Queries whose filter pins rows through an "or" of conditions on the root and on linked tables are
    /// answered from indexes; these check they return exactly what a scan would.
    /// </summary>
    public class CandidatePlannerTests
    {
        private static InMemoryOrganizationService Seeded()
        {
            var service = new InMemoryOrganizationService(() => new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc));
            service.Seed(new Entity("account", Ids.Contoso), new Entity("account", Ids.Fabrikam));
            service.Seed(
                new Entity("contact", Ids.Alice) { ["parentcustomerid"] = new EntityReference("account", Ids.Contoso) },
                new Entity("contact", Ids.Bob) { ["parentcustomerid"] = new EntityReference("account", Ids.Fabrikam) });
            service.Seed(
                new Entity("email", Ids.Email1) { ["subject"] = "to the account", ["regardingobjectid"] = new EntityReference("account", Ids.Contoso) },
                new Entity("email", Ids.Email2) { ["subject"] = "to its contact", ["regardingobjectid"] = new EntityReference("contact", Ids.Alice) },
                new Entity("phonecall", Ids.Call1) { ["subject"] = "another account's contact", ["regardingobjectid"] = new EntityReference("contact", Ids.Bob) },
                new Entity("task", Ids.Task1) { ["subject"] = "another account", ["regardingobjectid"] = new EntityReference("account", Ids.Fabrikam) });
            return service;
        }

        [Test]
        public void An_or_of_a_root_lookup_and_a_linked_lookup_returns_the_rows_of_either_and_no_others()
        {
            var service = Seeded();

            var rows = service.RetrieveMultiple(new FetchExpression($@"<fetch><entity name='activitypointer'><attribute name='activityid'/>
  <filter type='and'><filter type='or'>
    <condition attribute='regardingobjectid' operator='eq' value='{Ids.Contoso}'/>
    <condition entityname='c' attribute='parentcustomerid' operator='eq' value='{Ids.Contoso}'/>
  </filter></filter>
  <link-entity name='contact' from='contactid' to='regardingobjectid' alias='c' link-type='outer'/>
</entity></fetch>")).Entities;

            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(new[] { Ids.Email1, Ids.Email2 }));
        }

        [Test]
        public void A_filter_inside_an_inner_link_narrows_the_root_rows_to_those_it_joins()
        {
            var service = Seeded();

            var rows = service.RetrieveMultiple(new FetchExpression($@"<fetch><entity name='activitypointer'><attribute name='activityid'/>
  <link-entity name='contact' from='contactid' to='regardingobjectid' alias='c' link-type='inner'>
    <filter><condition attribute='parentcustomerid' operator='eq' value='{Ids.Fabrikam}'/></filter>
  </link-entity>
</entity></fetch>")).Entities;

            Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { Ids.Call1 }));
        }

        [Test]
        public void An_or_with_a_branch_that_pins_nothing_still_finds_every_matching_row()
        {
            var service = Seeded();

            var rows = service.RetrieveMultiple(new FetchExpression($@"<fetch><entity name='activitypointer'><attribute name='activityid'/>
  <filter type='or'>
    <condition attribute='regardingobjectid' operator='eq' value='{Ids.Contoso}'/>
    <condition attribute='subject' operator='like' value='another%'/>
  </filter>
</entity></fetch>")).Entities;

            Assert.That(rows.Select(r => r.Id), Is.EquivalentTo(new[] { Ids.Email1, Ids.Call1, Ids.Task1 }));
        }
    }
}
