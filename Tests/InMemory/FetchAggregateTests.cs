using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class FetchAggregateTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            // Five opportunities: two with a null amount, one where the amount was never set.
            _service.Seed(
                Opportunity(Ids.Contoso, 100m, 10),
                Opportunity(Ids.Contoso, 300m, null),
                Opportunity(Ids.Contoso, null, 30),
                Opportunity(Ids.Fabrikam, 50m, 40),
                new Entity("opportunity") { ["parentaccountid"] = new EntityReference("account", Ids.Fabrikam) });
        }

        [Test]
        public void Count_counts_rows_while_countcolumn_skips_null_and_missing_values()
        {
            var row = Single(@"<fetch aggregate='true'><entity name='opportunity'>
                <attribute name='opportunityid' aggregate='count' alias='rows'/>
                <attribute name='estimatedvalue' aggregate='countcolumn' alias='withvalue'/>
                </entity></fetch>");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Value(row, "rows"), Is.EqualTo(5));
                Assert.That(Value(row, "withvalue"), Is.EqualTo(3));
            }
        }

        [Test]
        public void Sum_min_max_and_avg_skip_null_and_missing_values()
        {
            var row = Single(@"<fetch aggregate='true'><entity name='opportunity'>
                <attribute name='estimatedvalue' aggregate='sum' alias='total'/>
                <attribute name='estimatedvalue' aggregate='min' alias='lowest'/>
                <attribute name='estimatedvalue' aggregate='max' alias='highest'/>
                <attribute name='estimatedvalue' aggregate='avg' alias='mean'/>
                <attribute name='probability' aggregate='avg' alias='meanprobability'/>
                <attribute name='probability' aggregate='sum' alias='sumprobability'/>
                </entity></fetch>");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Value(row, "total"), Is.EqualTo(new Money(450m)));
                Assert.That(Value(row, "lowest"), Is.EqualTo(new Money(50m)));
                Assert.That(Value(row, "highest"), Is.EqualTo(new Money(300m)));
                Assert.That(Value(row, "mean"), Is.EqualTo(new Money(150m)));
                Assert.That(Value(row, "meanprobability"), Is.EqualTo(80m / 3));
                Assert.That(Value(row, "sumprobability"), Is.EqualTo(80));
            }
        }

        [Test]
        public void Groupby_gives_one_row_per_value_with_the_aggregates_of_that_group()
        {
            var rows = _service.RetrieveMultiple(new FetchExpression(@"<fetch aggregate='true'><entity name='opportunity'>
                <attribute name='parentaccountid' groupby='true' alias='account'/>
                <attribute name='opportunityid' aggregate='count' alias='rows'/>
                <attribute name='estimatedvalue' aggregate='sum' alias='total'/>
                <order alias='rows' descending='true'/>
                </entity></fetch>")).Entities;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(rows.Select(r => ((EntityReference)Value(r, "account")!).Id), Is.EqualTo(new[] { Ids.Contoso, Ids.Fabrikam }));
                Assert.That(rows.Select(r => Value(r, "rows")), Is.EqualTo(new object[] { 3, 2 }));
                Assert.That(rows.Select(r => Value(r, "total")), Is.EqualTo(new object[] { new Money(400m), new Money(50m) }));
            }
        }

        [Test]
        public void A_count_over_no_rows_is_zero_and_other_aggregates_are_absent()
        {
            var row = Single(@"<fetch aggregate='true'><entity name='opportunity'>
                <attribute name='opportunityid' aggregate='count' alias='rows'/>
                <attribute name='estimatedvalue' aggregate='sum' alias='total'/>
                <filter><condition attribute='name' operator='eq' value='nothing'/></filter>
                </entity></fetch>");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Value(row, "rows"), Is.EqualTo(0));
                Assert.That(row.Contains("total"), Is.False);
            }
        }

        [Test]
        public void Aggregates_can_count_linked_rows_per_parent()
        {
            _service.Seed(new Entity("account", Ids.Contoso) { ["name"] = "Contoso" }, new Entity("account", Ids.Fabrikam) { ["name"] = "Fabrikam" });

            var rows = _service.RetrieveMultiple(new FetchExpression(@"<fetch aggregate='true'><entity name='account'>
                <attribute name='name' groupby='true' alias='name'/>
                <link-entity name='opportunity' from='parentaccountid' to='accountid' alias='o'>
                  <attribute name='estimatedvalue' aggregate='countcolumn' alias='valued'/>
                </link-entity></entity></fetch>")).Entities;

            Assert.That(rows.Select(r => Value(r, "name") + "=" + Value(r, "valued")), Is.EqualTo(new[] { "Contoso=2", "Fabrikam=1" }));
        }

        [Test]
        public void More_than_50000_matching_rows_is_the_aggregate_record_limit_fault()
        {
            _service.Seed(Enumerable.Range(0, 50_001).Select(_ => new Entity("lead")));

            var fault = Faults.Of(() => _service.RetrieveMultiple(new FetchExpression(
                "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' aggregate='count' alias='n'/></entity></fetch>")));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.AggregateQueryRecordLimit));
        }

        private static Entity Opportunity(Guid account, decimal? value, int? probability) => new Entity("opportunity")
        {
            ["parentaccountid"] = new EntityReference("account", account),
            ["estimatedvalue"] = value.HasValue ? new Money(value.Value) : null,
            ["probability"] = probability,
        };

        private Entity Single(string fetchXml) => _service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities.Single();

        private static object? Value(Entity row, string alias) => ((AliasedValue)row[alias]).Value;
    }
}
