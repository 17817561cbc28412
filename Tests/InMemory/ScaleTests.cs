using System;
using System.Diagnostics;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class ScaleTests
    {
        [Test]
        public void Per_account_activity_counts_stay_fast_because_a_lookup_filter_uses_an_index()
        {
            const int accounts = 2_000;
            const int activitiesPerAccount = 50;
            var service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            var accountIds = Enumerable.Range(0, accounts).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
            service.Seed(accountIds.Select(id => new Entity("account", id)));
            service.Seed(accountIds.SelectMany(id => Enumerable.Range(0, activitiesPerAccount).Select(j => new Entity(j % 2 == 0 ? "email" : "task")
            {
                ["regardingobjectid"] = new EntityReference("account", id),
                ["subject"] = "Activity " + j,
            })));

            var watch = Stopwatch.StartNew();
            int total = 0;
            foreach (var id in accountIds)
            {
                var row = service.RetrieveMultiple(new FetchExpression(
                    $"<fetch aggregate='true'><entity name='activitypointer'><attribute name='activityid' aggregate='count' alias='n'/>" +
                    $"<filter><condition attribute='regardingobjectid' operator='eq' value='{id}'/></filter></entity></fetch>")).Entities.Single();
                total += (int)((AliasedValue)row["n"]).Value;
            }

            watch.Stop();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(total, Is.EqualTo(accounts * activitiesPerAccount), "every activity counted once");
                // A scan per query would take minutes here; the index keeps it to well under a second.
                Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "2,000 indexed count queries over 100,000 activities");
            }
        }
    }
}
