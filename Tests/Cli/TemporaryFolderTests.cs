using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Tests.Cmt;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>Where the staging files cannot be written, the one line says which folder and what to do about it.</summary>
    public class TemporaryFolderTests : TempFolderTests
    {
        [Test]
        public void A_temporary_folder_that_cannot_hold_the_staging_files_is_named_with_what_to_do()
        {
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "5", "--activities", "2", "--output", zip).Exit, Is.Zero);
            var notAFolder = Path.Combine(Folder, "notes.txt");
            File.WriteAllText(notAFolder, "mine");

            using var run = Process.Start(StopOnRequestTests.Tool(notAFolder, new[] { "score", zip, "--output", Path.Combine(Folder, "out") }))!;
            var printed = run.StandardOutput.ReadToEnd() + run.StandardError.ReadToEnd();
            run.WaitForExit();

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), printed);
                // The console wraps long lines where the output is not a terminal.
                Assert.That(Regex.Replace(printed, @"\s+", " "), Does.Contain($"Error: the staging files cannot be created in {notAFolder}/").And.Contain("set TMPDIR to a folder this user can write."));
                Assert.That(printed, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(File.ReadAllText(notAFolder), Is.EqualTo("mine"));
            });
        }

        [Test]
        public void A_full_disk_says_so_and_where()
        {
            var message = CliRunner.StagingStoreFailed(new SqliteException("SQLite Error 13: 'database or disk is full'.", SQLitePCL.raw.SQLITE_FULL), "/var/tmp/");

            Assert.That(message, Is.EqualTo("the disk of /var/tmp/ is full (SQLite Error 13: 'database or disk is full'.); free space there or set TMPDIR to a folder on a larger disk."));
        }
    }
}
