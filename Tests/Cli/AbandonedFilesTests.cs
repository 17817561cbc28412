using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// A run killed outright (or crashed) cannot remove its temporary files, a gigabyte of staging at 50,000 accounts; the
    /// next run removes them, and only them: a file is abandoned when no process runs with the id in its name, or when the
    /// process that does started after the file was last written.
    /// </summary>
    public class AbandonedFilesTests : TempFolderTests
    {
        private const int Gone = 4_000_001;
        private const int Running = 4_000_002;
        private const int GivenAgain = 4_000_003;
        private static readonly DateTime Written = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

        [Test]
        public void Files_of_a_process_that_is_gone_or_whose_id_was_given_again_are_removed_and_every_other_file_is_kept()
        {
            var abandoned = new[]
            {
                WrittenFile(ScratchName("staging", Gone, ".db"), 3_000),
                WrittenFile(ScratchName("ids", Gone, ".bin"), 500),
                WrittenFile(ScratchName("results", GivenAgain, ".db"), 200),
                WrittenFile(ScratchName("benchmark", Gone, ".zip"), 100),
            };
            var kept = new[]
            {
                WrittenFile(ScratchName("staging", Running, ".db"), 10),
                WrittenFile(ScratchName("sample", Running, ".zip"), 10),
                // Named before runs carried their process id: whose it is cannot be told.
                WrittenFile($"loyalty-staging-{Guid.NewGuid():N}.db", 10),
                WrittenFile(ScratchName("notes", Gone, ".db"), 10),
                WrittenFile(ScratchName("staging", Gone, ".db-journal"), 10),
                WrittenFile("loyalty-staging-4000001-not-a-run.db", 10),
                WrittenFile("report.html", 10),
            };
            var starts = new Dictionary<int, DateTime> { [Running] = Written.AddHours(-1), [GivenAgain] = Written.AddMinutes(1) };

            var swept = ScratchFiles.RemoveAbandoned(Folder, process => starts.TryGetValue(process, out var started) ? started : null);

            Assert.Multiple(() =>
            {
                Assert.That(abandoned.Where(File.Exists), Is.Empty, "every abandoned file is removed");
                Assert.That(kept.Where(path => !File.Exists(path)), Is.Empty, "every other file is kept");
                Assert.That(swept, Is.EqualTo(new ScratchSweep(4, 3_800)));
            });
        }

        [Test]
        public void A_file_written_by_a_process_that_still_runs_is_kept_even_when_its_start_is_read_a_second_late()
        {
            var path = WrittenFile(ScratchName("staging", Running, ".db"), 10);

            var swept = ScratchFiles.RemoveAbandoned(Folder, _ => Written.AddSeconds(1));

            Assert.That(swept.Files, Is.Zero);
            Assert.That(File.Exists(path), Is.True);
        }

        [Test]
        public void This_process_names_its_files_so_that_they_are_kept_while_it_runs()
        {
            var path = ScratchFiles.NewPath("staging", ".db", Folder);
            File.WriteAllText(path, "in use");

            var swept = ScratchFiles.RemoveAbandoned(Folder);

            Assert.Multiple(() =>
            {
                Assert.That(Path.GetFileName(path), Does.StartWith($"loyalty-staging-{Environment.ProcessId}-"));
                Assert.That(swept.Files, Is.Zero);
                Assert.That(File.Exists(path), Is.True);
            });
        }

        private static string ScratchName(string purpose, int process, string extension) => $"loyalty-{purpose}-{process}-{Guid.NewGuid():N}{extension}";

        private string WrittenFile(string name, int bytes)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllBytes(path, new byte[bytes]);
            File.SetLastWriteTimeUtc(path, Written);
            return path;
        }
    }
}
