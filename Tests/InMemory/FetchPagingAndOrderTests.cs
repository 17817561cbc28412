using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class FetchPagingAndOrderTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            // Seven contacts; "number" gives the expected order, with one row that has none.
            _service.Seed(Enumerable.Range(1, 7).Select(i => new Entity("contact", ContactId(i))
            {
                ["fullname"] = "Contact " + i,
                ["number"] = i == 4 ? null : (object)i,
            }));
        }

        [Test]
        public void Ascending_order_puts_empty_values_first_as_SQL_Server_does()
        {
            var numbers = Numbers("<fetch><entity name='contact'><attribute name='number'/><order attribute='number'/></entity></fetch>");

            Assert.That(numbers, Is.EqualTo(new int?[] { null, 1, 2, 3, 5, 6, 7 }));
        }

        [Test]
        public void Descending_order_puts_empty_values_last()
        {
            var numbers = Numbers("<fetch><entity name='contact'><attribute name='number'/><order attribute='number' descending='true'/></entity></fetch>");

            Assert.That(numbers, Is.EqualTo(new int?[] { 7, 6, 5, 3, 2, 1, null }));
        }

        [Test]
        public void Pages_follow_each_other_through_the_paging_cookie_until_no_more_records()
        {
            var seen = new List<int?>();
            string? cookie = null;
            int page = 1;
            bool more;
            var pageSizes = new List<int>();
            do
            {
                var cookieAttribute = cookie == null ? string.Empty : $" paging-cookie='{System.Security.SecurityElement.Escape(cookie)}'";
                var result = _service.RetrieveMultiple(new FetchExpression(
                    $"<fetch count='3' page='{page}'{cookieAttribute}><entity name='contact'><attribute name='number'/><order attribute='number'/></entity></fetch>"));
                pageSizes.Add(result.Entities.Count);
                seen.AddRange(result.Entities.Select(e => e.Contains("number") ? e.GetAttributeValue<int>("number") : (int?)null));
                cookie = result.PagingCookie;
                more = result.MoreRecords;
                page++;
            }
            while (more);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(pageSizes, Is.EqualTo(new[] { 3, 3, 1 }), "seven rows in pages of three");
                Assert.That(seen, Is.EqualTo(new int?[] { null, 1, 2, 3, 5, 6, 7 }));
            }
        }

        [Test]
        public void The_paging_cookie_carries_on_after_the_last_row_even_when_an_earlier_row_is_deleted()
        {
            var first = _service.RetrieveMultiple(new FetchExpression("<fetch count='3' page='1'><entity name='contact'><attribute name='number'/><order attribute='number'/></entity></fetch>"));
            _service.Delete("contact", ContactId(1));

            var second = _service.RetrieveMultiple(new FetchExpression(
                $"<fetch count='3' page='2' paging-cookie='{System.Security.SecurityElement.Escape(first.PagingCookie)}'><entity name='contact'><attribute name='number'/><order attribute='number'/></entity></fetch>"));

            Assert.That(second.Entities.Select(e => e.GetAttributeValue<int>("number")), Is.EqualTo(new[] { 3, 5, 6 }));
        }

        [Test]
        public void The_default_page_is_5000_rows_like_Dataverse()
        {
            _service.Seed(Enumerable.Range(100, 5000).Select(i => new Entity("contact") { ["number"] = i }));

            var result = _service.RetrieveMultiple(new FetchExpression("<fetch><entity name='contact'><attribute name='number'/></entity></fetch>"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Entities, Has.Count.EqualTo(5000), "one default page");
                Assert.That(result.MoreRecords, Is.True);
                Assert.That(result.PagingCookie, Does.StartWith("<cookie page=\"1\"><contactid last="));
            }
        }

        [Test]
        public void Top_limits_the_rows_and_reports_no_more_records()
        {
            var result = _service.RetrieveMultiple(new FetchExpression("<fetch top='2'><entity name='contact'><attribute name='number'/><order attribute='number' descending='true'/></entity></fetch>"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Entities.Select(e => e.GetAttributeValue<int>("number")), Is.EqualTo(new[] { 7, 6 }));
                Assert.That(result.MoreRecords, Is.False);
            }
        }

        [Test]
        public void The_total_record_count_is_returned_only_when_asked_for()
        {
            var asked = _service.RetrieveMultiple(new FetchExpression("<fetch count='2' returntotalrecordcount='true'><entity name='contact'/></fetch>"));
            var notAsked = _service.RetrieveMultiple(new FetchExpression("<fetch count='2'><entity name='contact'/></fetch>"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(asked.TotalRecordCount, Is.EqualTo(7));
                Assert.That(notAsked.TotalRecordCount, Is.EqualTo(-1));
            }
        }

        [Test]
        public void Distinct_returns_each_combination_of_values_once()
        {
            _service.Seed(new Entity("contact") { ["number"] = 7 });

            var numbers = Numbers("<fetch distinct='true'><entity name='contact'><attribute name='number'/><order attribute='number'/></entity></fetch>");

            Assert.That(numbers, Is.EqualTo(new int?[] { null, 1, 2, 3, 5, 6, 7 }), "the second 7 is dropped; the empty row is a value of its own, as in SQL");
        }

        [Test]
        public void Rows_with_equal_order_values_come_in_primary_key_order_so_pages_are_stable()
        {
            var first = _service.RetrieveMultiple(new FetchExpression("<fetch><entity name='contact'/></fetch>")).Entities.Select(e => e.Id).ToList();
            var second = _service.RetrieveMultiple(new FetchExpression("<fetch><entity name='contact'/></fetch>")).Entities.Select(e => e.Id).ToList();

            Assert.That(second, Is.EqualTo(first));
        }

        private static Guid ContactId(int i) => new Guid($"c1000000-0000-0000-0000-00000000000{i}");

        private int?[] Numbers(string fetchXml) =>
            _service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities
                .Select(e => e.Contains("number") ? e.GetAttributeValue<int>("number") : (int?)null).ToArray();
    }
}
