using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// What the recalculation reads from each activity table, what makes it run again and what the
    /// Configuration Migration reader accepts are one set: a read column that triggers nothing leaves scores
    /// stale, a filtered column that nothing reads recalculates for nothing, a read column the reader refuses
    /// cannot be scored offline.
    /// </summary>
    public class ActivityColumnTests
    {
        /// <summary>Read but never a trigger: the id and the table cannot change, and modifiedon changes with every save.</summary>
        private static readonly string[] ReadButUnchangeable = { ActivitySchema.Id, ActivitySchema.TypeCode, ActivitySchema.ModifiedOn };

        /// <summary>
        /// What the recalculation's query reads of a table: the shared columns of activitypointer, the columns of the
        /// table's link and the lookups its nested links follow; and the party lists, whose contacts the party query
        /// reads whatever their participation type.
        /// </summary>
        private static ISet<string> Read(ActivityTable table)
        {
            var fetch = HealthQueries.Activities(Guid.Empty, DateTime.UtcNow);
            var root = fetch.Element("entity")!;
            var link = root.Elements("link-entity").Single(l => (string?)l.Attribute("alias") == table.Name);
            return new HashSet<string>(root.Elements("attribute").Concat(link.Elements("attribute")).Select(a => (string)a.Attribute("name")!)
                .Concat(link.Elements("link-entity").Select(nested => (string)nested.Attribute("to")!))
                .Concat(table.PartyLists), StringComparer.Ordinal);
        }

        private static IEnumerable<TestCaseData> Tables() => ActivityTables.All.Select(t => new TestCaseData(t.Name).SetName("ActivityColumns." + t.Name));

        [TestCaseSource(nameof(Tables))]
        public void Every_column_read_from_the_table_triggers_a_recalculation_and_every_filtered_column_is_read(string name)
        {
            var table = ActivityTables.Find(name)!;
            var step = SolutionModel.Steps().Single(s => s.TypeName == typeof(RecalculateOnActivityChange).FullName && s.Message == MessageNames.Update && s.Table == name);
            var watched = Read(table).Except(ReadButUnchangeable).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(watched.Except(step.Filtering), Is.Empty, $"{step.File}: the recalculation reads these columns, but changing them does not trigger it");
                Assert.That(step.Filtering.Except(watched), Is.Empty, $"{step.File}: these columns trigger a recalculation that does not read them");
            });
        }

        [TestCaseSource(nameof(Tables))]
        public void The_migration_reader_accepts_what_is_read_and_the_columns_it_carries_and_nothing_else(string name)
        {
            var known = CmtCatalogue.Find(name);
            var read = Read(ActivityTables.Find(name)!);
            read.Remove(ActivitySchema.TypeCode); // the table itself, not a column of its rows

            Assert.That(known, Is.Not.Null, $"CmtCatalogue has no table '{name}': an export of it could not be read");
            Assert.Multiple(() =>
            {
                Assert.That(known!.Fields.Select(f => f.Name), Is.EquivalentTo(read.Concat(known.Carried)), "accepted = read + carried");
                Assert.That(known!.Carried.Intersect(read), Is.Empty, "a column the model reads is not merely carried");
            });
        }
    }
}
