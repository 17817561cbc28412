using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Generation;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// `score` shows staging's progress as the share of data.xml read: the number of records is known only once the file
    /// is read, and a bar of records read against themselves stood full for the whole of staging.
    /// </summary>
    public class DataProgressTests : TempFolderTests
    {
        private string _zip = null!;

        [SetUp]
        public void WriteAnExport()
        {
            _zip = Path.Combine(Folder, "data.zip");
            var options = new SyntheticOptions { Accounts = 60, ContactsPerAccount = 2, ActivitiesPerAccount = 40, Seed = 4 };
            CmtPackageWriter.Write(_zip, SyntheticOrganisation.Records(options), options.AsOf);
        }

        [Test]
        public void The_share_read_grows_with_the_records_and_ends_at_the_whole_of_data_xml()
        {
            long inflated;
            using (var archive = ZipFile.OpenRead(_zip)) inflated = archive.GetEntry(CmtPackageReader.DataEntry)!.Length;
            using var reader = CmtPackageReader.Open(_zip);
            var before = (reader.DataRead, reader.DataLength);
            var seen = new List<long>();

            foreach (var record in reader.Parse())
            {
                seen.Add(reader.DataRead);
                reader.Recycle(record);
            }

            Assert.Multiple(() =>
            {
                Assert.That(before, Is.EqualTo((0L, 0L)), "nothing read before the records are");
                Assert.That(reader.DataLength, Is.EqualTo(inflated));
                Assert.That(seen, Is.Ordered);
                Assert.That(seen[0], Is.GreaterThan(0).And.LessThan(inflated / 2), "the first records come from the start of the file");
                Assert.That(seen, Has.Some.InRange(inflated / 4, 3 * inflated / 4), "the share moves through the middle of the file");
                Assert.That(reader.DataRead, Is.EqualTo(inflated));
            });
        }

        [Test]
        public void Staging_reports_bytes_read_against_the_size_of_data_xml()
        {
            using var reader = CmtPackageReader.Open(_zip);
            var reports = new List<(double Done, double Total)>();

            Runs.ReportRead(reader, (done, total) => reports.Add((done, total)));
            using (var records = reader.Parse().GetEnumerator())
            {
                for (var i = 0; i < 500 && records.MoveNext(); i++) reader.Recycle(records.Current);
                Runs.ReportRead(reader, (done, total) => reports.Add((done, total)));
            }

            Assert.Multiple(() =>
            {
                Assert.That(reports[0], Is.EqualTo((0d, 0d)), "before data.xml is opened the bar stays empty");
                Assert.That(reports[1].Total, Is.EqualTo((double)reader.DataLength));
                Assert.That(reports[1].Done, Is.GreaterThan(0).And.LessThan(reports[1].Total), "part of the file, not all of it");
            });
        }
    }
}
