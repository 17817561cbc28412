using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// An export in which a record appears twice is refused by staging with the message the export reader gives,
    /// though staging checks the ids on disk, in sorted runs, instead of in a set of every id.
    /// </summary>
    public class UniqueRecordIdsTests : TempFolderTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        private string Export(int accounts, params (int Index, int SameAs)[] repeats)
        {
            var export = new ExportBuilder().Table("account", ("accountid", "guid", null), ("name", "string", null));
            for (var i = 1; i <= accounts; i++)
            {
                var same = repeats.FirstOrDefault(r => r.Index == i);
                export.Record("account", Id(same.SameAs > 0 ? same.SameAs : i), ("name", $"Account {i}"));
            }
            return export.Write(Path.Combine(Folder, "export.zip"));
        }

        private static string Id(int n) => new Guid(n * 7919, 0, 0, new byte[8]).ToString();

        [Test]
        public void A_record_that_appears_twice_is_refused_from_staging_as_the_reader_refuses_it()
        {
            var path = Export(50, (40, 3));
            var alone = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            using var reader = CmtPackageReader.Open(path);
            var thrown = Assert.Throws<CmtDataException>(() => ExportRun.Stage(reader, AsOf));

            Assert.Multiple(() =>
            {
                Assert.That(thrown!.Message, Is.EqualTo(alone!.Message));
                Assert.That(thrown.Message, Does.Contain("the record appears twice").And.Contain(Id(3)).And.Contain("account"));
            });
        }

        [TestCase(1, 2)]
        [TestCase(2, 1_000)]
        [TestCase(999, 1_000)]
        [TestCase(333, 777)]
        public void Ids_that_meet_only_when_runs_are_merged_are_found(int first, int second)
        {
            var path = Export(1_000, (second, first));
            using var reader = CmtPackageReader.Open(path);
            using var ids = new UniqueRecordIds(Folder, runLength: 16);

            Assert.That(ids.Records(reader, reader.Parse(refuseRepeatsInMemory: false)).Count(), Is.EqualTo(1_000), "records are read on; the check comes at the end");
            var thrown = Assert.Throws<CmtDataException>(() => ids.Check());
            Assert.That(thrown!.Message, Does.Contain(Id(first)).And.Contain("appears twice"));
        }

        [TestCase(10)]
        [TestCase(1_000)]
        public void Distinct_ids_pass_in_one_run_or_many(int accounts)
        {
            var path = Export(accounts);
            using var reader = CmtPackageReader.Open(path);
            using var ids = new UniqueRecordIds(Folder, runLength: 16);

            Assert.That(ids.Records(reader, reader.Parse(refuseRepeatsInMemory: false)).Count(), Is.EqualTo(accounts));
            Assert.DoesNotThrow(() => ids.Check());
        }

        [Test]
        public void A_run_that_cannot_be_written_fails_the_staging_with_the_error_it_met()
        {
            var path = Export(1_000);
            using var reader = CmtPackageReader.Open(path);
            using var ids = new UniqueRecordIds(Path.Combine(Folder, "no such folder"), runLength: 16);

            // Runs are written on another thread; what writing one met reaches the staging at the next run or at the check.
            Assert.Throws<DirectoryNotFoundException>(() =>
            {
                ids.Records(reader, reader.Parse(refuseRepeatsInMemory: false)).Count();
                ids.Check();
            });
        }
    }
}
