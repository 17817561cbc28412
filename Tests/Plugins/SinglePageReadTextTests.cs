using System;
using System.Xml.Linq;
using LoyaltyHealth.Plugins.Health;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>The single-page activity read, filled in from text built once, sends exactly the query its builders print.</summary>
    public class SinglePageReadTextTests
    {
        private static readonly object[] Cases =
        {
            new object[] { new Guid("a1000000-0000-0000-0000-00000000000a"), new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc) },
            new object[] { new Guid("0fa3c9d2-77e1-4b0a-9c55-3e2d1f0a9b8c"), new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc) },
            new object[] { Guid.Empty, new DateTime(2026, 1, 1, 12, 30, 5, DateTimeKind.Local) },
            new object[] { new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff"), new DateTime(2025, 10, 26, 1, 30, 0, DateTimeKind.Unspecified) },
        };

        [TestCaseSource(nameof(Cases))]
        public void The_text_is_the_built_query_with_the_first_page_attributes(Guid account, DateTime since)
        {
            var built = new XElement(HealthQueries.ActivitiesWithParties(account, since));
            built.SetAttributeValue("page", "1");
            built.SetAttributeValue("count", AccountAssessor.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.That(HealthQueries.ActivitiesWithPartiesFirstPage(account, since), Is.EqualTo(built.ToString(SaveOptions.DisableFormatting)));
        }
    }
}
