using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>The tool writing to a file or a pipe, as a CI log or <c>loyalty demo &gt; scores.txt</c> gets it.</summary>
    public class RedirectedOutputTests : TempFolderTests
    {
        [Test]
        public void Output_to_a_file_keeps_each_account_of_the_table_on_one_line()
        {
            // Without a terminal Spectre.Console assumes 80 columns, where the table broke "Nordlicht Engineering" mid-word.
            var run = StopOnRequestTests.RunToEnd(Folder, TimeSpan.FromMinutes(2), "demo", "--output", Path.Combine(Folder, "out"));
            Assert.That(run.Ended, Is.True, "the run ends");

            Assert.Multiple(() =>
            {
                Assert.That(run.Exit, Is.Zero, run.Printed + run.Errors);
                Assert.That(run.Printed.Split('\n').Any(line => Regex.IsMatch(line, @"│ Nordlicht Engineering +│( +\d+ │){4} At risk +│")), Is.True,
                    "the account's row on one line:\n" + run.Printed);
            });
        }
    }
}
