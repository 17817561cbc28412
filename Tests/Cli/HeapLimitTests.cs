using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cmt;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// The tool runs with a small managed heap (runtimeconfig.json's System.GC.HeapHardLimit), so its peak does not grow with
    /// the collector's room; the limit is raised as the maps that resolve links grow, so no export is too large for it.
    /// </summary>
    public class HeapLimitTests : TempFolderTests
    {
        private const ulong Room = 128UL << 20;

        [Test]
        public void The_tool_ships_with_a_heap_limit()
        {
            // The tool's runtimeconfig.json, as the build writes it next to loyalty.dll (and the test output copies it).
            var config = Path.Combine(AppContext.BaseDirectory, "loyalty.runtimeconfig.json");
            using var json = JsonDocument.Parse(File.ReadAllText(config));

            var limit = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(HeapLimit.Setting).GetUInt64();

            Assert.That(limit, Is.EqualTo(Room), "Cli.csproj's System.GC.HeapHardLimit");
        }

        [Test]
        public void The_tool_as_shipped_scores_an_export_whose_maps_outgrow_a_check()
        {
            // 6,000 accounts with 5 contacts each: 36,000 entries in the maps, two checks, the first of which raises the limit
            // in a process that runs with the shipped runtimeconfig.json (the tests' own host has no limit to raise).
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "6000", "--activities", "2", "--as-of", "2026-06-30", "--output", zip).Exit, Is.Zero);
            var output = Path.Combine(Folder, "out");
            var run = StopOnRequestTests.RunToEnd(Folder, TimeSpan.FromMinutes(3), "score", zip, "--output", output);
            Assert.That(run.Ended, Is.True, "the run ends");

            Assert.Multiple(() =>
            {
                Assert.That(run.Exit, Is.Zero, run.Printed + run.Errors);
                Assert.That(run.Printed, Does.Contain("Accounts scored 6,000, failed 0"));
                Assert.That(File.ReadLines(Path.Combine(output, "accounts.csv")).Count(), Is.EqualTo(6001), "a header and a row per account");
            });
        }

        [Test]
        public void The_limit_grows_with_the_maps_on_top_of_the_configured_room()
        {
            var raised = new List<ulong>();
            var heap = new HeapLimit(Room, Room, raised.Add);

            for (long links = HeapLimit.LinksPerCheck; links <= 40_000_000; links += HeapLimit.LinksPerCheck) heap.Hold(links);

            Assert.Multiple(() =>
            {
                Assert.That(raised.First(), Is.EqualTo(Room + Room / 4), "raised at the first check, by a quarter");
                Assert.That(raised, Is.Ordered.Ascending);
                Assert.That(raised.Zip(raised.Skip(1), (a, b) => b >= a + a / 4).All(x => x), Is.True, "by a quarter at least, so a few raises only");
                Assert.That(raised.Count, Is.LessThan(20));
                Assert.That(heap.Limit, Is.GreaterThanOrEqualTo(Room + 40_000_000UL * HeapLimit.BytesPerLink), "room for every map entry held");
            });
        }

        [Test]
        public void A_process_without_the_setting_and_a_limit_from_the_environment_are_left_alone()
        {
            var raised = new List<ulong>();

            new HeapLimit(0, 24UL << 30, raised.Add).Hold(50_000_000);
            new HeapLimit(Room, 2UL << 30, raised.Add).Hold(50_000_000);
            new HeapLimit(Room, 96UL << 20, raised.Add).Hold(1_000_000);

            Assert.That(raised, Is.Empty, "the environment's limit, larger or smaller, is the user's");
        }

        [Test]
        public void Staging_weighs_its_maps_as_accounts_and_contacts_are_read()
        {
            var weighed = new List<ulong>();
            // A room so small that every check finds the maps beyond it.
            var heap = new HeapLimit(1024, 1024, weighed.Add);
            var asOf = new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);
            using var staging = new ExportStaging(asOf, Folder, heap: heap);

            var account = new Guid("a0000000-0000-0000-0000-000000000001");
            staging.Add(new Entity(AccountSchema.EntityName, account) { [AccountSchema.Name] = "Alpha" });
            for (var i = 1; i < 2 * HeapLimit.LinksPerCheck; i++)
                staging.Add(new Entity(ContactSchema.EntityName, new Guid(i, 0, 0, new byte[8])) { [ContactSchema.ParentCustomerId] = new EntityReference(AccountSchema.EntityName, account) });
            staging.Finish();

            Assert.That(weighed, Has.Count.EqualTo(2), "once per LinksPerCheck entries");
            Assert.That(heap.Limit, Is.GreaterThanOrEqualTo((ulong)(2 * HeapLimit.LinksPerCheck) * HeapLimit.BytesPerLink));
        }
    }
}
