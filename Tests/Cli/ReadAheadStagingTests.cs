using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cmt;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// Staging reads its source on a second thread: what the user sees stays as it was with one thread
    /// (the same error for a bad file, records in file order), and a failed staging leaves no thread reading.
    /// </summary>
    public class ReadAheadStagingTests : TempFolderTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        [TestCase(0, false)]
        [TestCase(1, false)]
        [TestCase(5_000, false)]
        [TestCase(3_000, true)]
        public void What_the_source_throws_surfaces_from_staging_unchanged_and_the_staging_file_is_deleted(int before, bool outOfMemory)
        {
            Exception failure = outOfMemory
                ? new OutOfMemoryException("the export is too large")
                : new CmtDataException("data.xml", "malformed XML at line 7, position 3", "account");
            var source = new WatchedSource(Failing(Accounts(before), failure));

            var thrown = Assert.Catch(() => ExportRun.Stage(source, () => AsOf, folder: Folder));

            Assert.Multiple(() =>
            {
                Assert.That(thrown, Is.SameAs(failure));
                Assert.That(thrown!.Message, Is.EqualTo(failure.Message));
                Assert.That(thrown.StackTrace, Does.Contain(nameof(Failing)), "the stack still shows where the source threw");
                Assert.That(Directory.GetFiles(Folder), Is.Empty, "the staging file is deleted");
                Assert.That(source.Disposed, Is.True);
            });
        }

        [Test]
        public void A_record_the_staging_refuses_stops_the_reading_thread_before_staging_returns()
        {
            const int refused = 1_000;
            var records = Accounts(1_000_000).Select((record, i) =>
            {
                if (i == refused) record["loy_ratio"] = 0.5; // a floating-point value, which no column of the catalogue holds
                return record;
            });
            var source = new WatchedSource(records);

            var thrown = Assert.Throws<ArgumentException>(() => ExportRun.Stage(source, () => AsOf, folder: Folder));

            Assert.Multiple(() =>
            {
                Assert.That(thrown!.Message, Does.StartWith("A Double cannot be staged."));
                Assert.That(source.Disposed, Is.True, "the source's enumerator is disposed before staging throws");
                Assert.That(source.Yielded, Is.LessThanOrEqualTo(refused + 1 + ReadAhead.Capacity + 2 * ReadAhead.Batch), "the source is read no further than the queue holds");
                Assert.That(Directory.GetFiles(Folder), Is.Empty, "the staging file is deleted");
            });
        }

        [Test]
        public void Records_are_staged_in_the_source_order_with_progress_and_the_as_of_moment_asked_once_after_the_first_record()
        {
            var accounts = Accounts(12_345).ToList();
            var source = new WatchedSource(accounts);
            var readWhenAsked = new List<int>();
            var progress = new List<long>();

            using var staging = ExportRun.Stage(source, () =>
            {
                readWhenAsked.Add(source.Yielded);
                return AsOf;
            }, progress.Add, Folder);

            Assert.Multiple(() =>
            {
                Assert.That(staging.Accounts().Select(a => a.Id), Is.EqualTo(accounts.Select(a => a.Id)));
                Assert.That(staging.Records, Is.EqualTo(accounts.Count));
                Assert.That(progress, Is.EqualTo(new long[] { 10_000, 12_345 }));
                Assert.That(readWhenAsked, Has.Count.EqualTo(1));
                Assert.That(readWhenAsked[0], Is.GreaterThanOrEqualTo(1));
                Assert.That(staging.AsOf, Is.EqualTo(AsOf));
                Assert.That(source.Disposed, Is.True);
            });
        }

        /// <summary>
        /// An export parsed on one thread and read into records on the other: the first problem in file order is
        /// the one reported, as reading on one thread reports it, though the parser has read past it.
        /// </summary>
        [TestCase(true, TestName = "A bad value just before a truncation is reported first")]
        [TestCase(false, TestName = "A truncation far beyond the queue is reported")]
        public void A_broken_export_is_refused_from_staging_with_the_error_reading_it_alone_gives(bool badValueFirst)
        {
            var export = new ExportBuilder().Table("account", ("accountid", "guid", null), ("name", "string", null), ("loy_healthband", "optionsetvalue", null));
            for (var i = 1; i <= 3_000; i++)
                export.Record("account", new Guid(i, 0, 0, new byte[8]).ToString(), ("name", $"Account {i}"), ("loy_healthband", badValueFirst && i == 2_990 ? "7" : "100000000"));
            var data = export.DataXml();
            var path = export.Write(Path.Combine(Folder, "broken.zip"), data.Substring(0, data.IndexOf("Account 2999", StringComparison.Ordinal)));
            var alone = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            using var reader = CmtPackageReader.Open(path);
            var thrown = Assert.Throws<CmtDataException>(() => ExportRun.Stage(reader, AsOf));

            Assert.Multiple(() =>
            {
                Assert.That(thrown!.Message, Is.EqualTo(alone!.Message));
                Assert.That(thrown.Message, badValueFirst ? Does.Contain("'7' is not a value of the option set") : Does.Contain("malformed XML"));
            });
        }

        private static IEnumerable<Entity> Accounts(int count)
        {
            for (var i = 0; i < count; i++)
                yield return new Entity(AccountSchema.EntityName, new Guid(i + 1, 0, 0, new byte[8])) { [AccountSchema.Name] = $"Account {i + 1}" };
        }

        private static IEnumerable<Entity> Failing(IEnumerable<Entity> records, Exception failure)
        {
            foreach (var record in records) yield return record;
            throw failure;
        }

        /// <summary>A source that counts what it handed out and knows whether its enumerator was disposed.</summary>
        private sealed class WatchedSource : IEnumerable<Entity>
        {
            private readonly IEnumerable<Entity> _records;

            public WatchedSource(IEnumerable<Entity> records) => _records = records;

            public int Yielded { get; private set; }
            public bool Disposed { get; private set; }

            public IEnumerator<Entity> GetEnumerator()
            {
                try
                {
                    foreach (var record in _records)
                    {
                        Yielded++;
                        yield return record;
                    }
                }
                finally
                {
                    Disposed = true;
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
