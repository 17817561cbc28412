using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Generation;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// generate's bar moves while a large organisation is written (it stood at 0 % for the minutes 100,000 accounts take),
    /// and every record still reaches the file, in order.
    /// </summary>
    public class GenerateProgressTests
    {
        [Test]
        public void The_bar_moves_as_records_are_written_and_every_record_passes()
        {
            var options = new SyntheticOptions { Accounts = 25, ContactsPerAccount = 2, ActivitiesPerAccount = 9 };
            var reports = new List<(double Done, double Total)>();

            var written = GenerateCommand.Reporting(SyntheticOrganisation.Records(options), options.RecordCount, (done, total) => reports.Add((done, total)), every: 100).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(written.Select(r => r.Id), Is.EqualTo(SyntheticOrganisation.Records(options).Select(r => r.Id)));
                Assert.That(reports, Is.EqualTo(new[] { (100d, 300d), (200d, 300d), (300d, 300d) }));
            });
        }

        [Test]
        public void Nothing_is_reported_before_the_records_it_counts_are_written()
        {
            var reports = new List<double>();
            var records = Enumerable.Range(0, 5).Select(_ => new Entity("account"));

            using var reading = GenerateCommand.Reporting(records, 5, (done, _) => reports.Add(done), every: 2).GetEnumerator();
            reading.MoveNext();
            reading.MoveNext();
            var afterTwo = reports.ToList();
            reading.MoveNext();

            Assert.Multiple(() =>
            {
                Assert.That(afterTwo, Is.Empty, "the second record is handed on before it is counted as written");
                Assert.That(reports, Is.EqualTo(new[] { 2d }));
            });
        }
    }
}
