using System;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Dates in the form the Configuration Migration tool writes are read without the general parser; they must
    /// read exactly as the general ISO 8601 reading reads them, and a date no calendar has stays refused.
    /// </summary>
    public class CmtValuesTests
    {
        private const string WrittenForm = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

        [Test]
        public void Dates_in_the_written_form_read_as_the_general_iso_reading_reads_them()
        {
            var random = new Random(7);
            var instants = Enumerable.Range(0, 2_000)
                .Select(_ => new DateTime((long)(random.NextDouble() * DateTime.MaxValue.Ticks), DateTimeKind.Utc))
                .Concat(new[]
                {
                    DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
                    new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999), new DateTime(2000, 2, 29, 0, 0, 0, DateTimeKind.Utc),
                    new DateTime(2025, 12, 31, 12, 0, 0, DateTimeKind.Utc).AddTicks(1),
                });

            foreach (var instant in instants)
            {
                var text = instant.ToString(WrittenForm, CultureInfo.InvariantCulture);
                var general = DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

                var read = (DateTime)CmtValues.Parse(FieldKind.DateTime, text);

                Assert.That((read.Ticks, read.Kind), Is.EqualTo((general.Ticks, DateTimeKind.Utc)), text);
            }
        }

        [TestCase("2023-02-29T00:00:00.0000000Z")]
        [TestCase("2024-04-31T00:00:00.0000000Z")]
        [TestCase("2024-13-01T00:00:00.0000000Z")]
        [TestCase("2024-00-10T00:00:00.0000000Z")]
        [TestCase("2024-01-00T00:00:00.0000000Z")]
        [TestCase("2024-01-01T24:00:00.0000000Z")]
        [TestCase("2024-01-01T23:60:00.0000000Z")]
        [TestCase("2024-01-01T23:59:60.0000000Z")]
        [TestCase("0000-01-01T00:00:00.0000000Z")]
        [TestCase("2024-01-01T00:00:00.00000x0Z")]
        public void A_date_in_the_written_form_that_no_calendar_has_is_refused(string text)
        {
            var error = Assert.Throws<FormatException>(() => CmtValues.Parse(FieldKind.DateTime, text));

            Assert.That(error!.Message, Is.EqualTo($"'{text}' is not an ISO 8601 date and time such as 2024-01-15T10:30:00Z."));
        }
    }
}
