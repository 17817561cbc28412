using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>
    /// The tables and columns an organisation has: the solution's own plus the standard ones the product
    /// uses (<see cref="StandardColumns"/>), and the solution's one-to-many relationships (no standard one
    /// is needed yet). The in-memory service given a schema fails, as Dataverse does, on a table, column
    /// or relationship it does not have. Built once; every lookup is a hash lookup.
    /// </summary>
    public sealed class OrganisationSchema
    {
        private static readonly ConcurrentDictionary<string, Lazy<OrganisationSchema>> BySolutionFolder =
            new ConcurrentDictionary<string, Lazy<OrganisationSchema>>(StringComparer.Ordinal);

        private readonly Dictionary<string, HashSet<string>> _columns;
        private readonly Dictionary<string, SolutionRelationship> _relationships;

        private OrganisationSchema(Dictionary<string, HashSet<string>> columns, IReadOnlyCollection<string> activityTables, Dictionary<string, SolutionRelationship> relationships)
        {
            _columns = columns;
            ActivityTables = activityTables;
            _relationships = relationships;
        }

        public IReadOnlyCollection<string> Tables => _columns.Keys;

        /// <summary>The activity tables the solution defines (custom activities), which a service registers as activities.</summary>
        public IReadOnlyCollection<string> ActivityTables { get; }

        public bool HasTable(string table) => _columns.ContainsKey(table);

        public bool HasColumn(string table, string column) => _columns.TryGetValue(table, out var columns) && columns.Contains(column);

        /// <summary>The one-to-many relationship of this schema name, or null; schema names compare as the SDK's <c>Relationship</c> compares them, ordinally.</summary>
        public SolutionRelationship? Relationship(string name) => _relationships.TryGetValue(name, out var relationship) ? relationship : null;

        // One table's columns, found once for a row's many columns.
        internal HashSet<string>? ColumnSetOf(string table) => _columns.TryGetValue(table, out var columns) ? columns : null;

        public IReadOnlyCollection<string> ColumnsOf(string table) =>
            _columns.TryGetValue(table, out var columns) ? columns : throw new KeyNotFoundException($"The schema has no table '{table}'.");

        /// <summary>The schema of the solution unpacked in <paramref name="solutionFolder"/>, read once per process.</summary>
        public static OrganisationSchema FromSolution(string solutionFolder)
        {
            var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(solutionFolder));
            return BySolutionFolder.GetOrAdd(key, folder => new Lazy<OrganisationSchema>(() =>
                Build(SolutionEntityReader.ReadSolution(folder), SolutionRelationshipReader.ReadSolution(folder)))).Value;
        }

        /// <summary>The standard tables and columns with <paramref name="solutionTables"/> and <paramref name="solutionRelationships"/> added.</summary>
        public static OrganisationSchema Build(IEnumerable<SolutionTable> solutionTables, IEnumerable<SolutionRelationship>? solutionRelationships = null)
        {
            var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            void Add(string table, IEnumerable<string> names)
            {
                if (!columns.TryGetValue(table, out var set))
                {
                    columns.Add(table, set = new HashSet<string>(StringComparer.Ordinal));
                }

                set.UnionWith(names);
            }

            Add(Activities.ActivityNames.Pointer, StandardColumns.Activity);
            Add(Activities.ActivityNames.Party, StandardColumns.ActivityParty);
            foreach (var table in StandardColumns.BuiltInActivityTables)
            {
                Add(table.Key, StandardColumns.Activity.Concat(table.Value));
            }

            foreach (var table in StandardColumns.Tables)
            {
                Add(table.Key, table.Value);
            }

            var customActivities = new List<string>();
            foreach (var table in solutionTables)
            {
                if (!columns.ContainsKey(table.Name))
                {
                    // A table the standard lists do not know gets what Dataverse gives every table of its kind.
                    Add(table.Name, table.IsActivity
                        ? StandardColumns.Activity.Concat(StandardColumns.CustomActivityPartyLists)
                        : StandardColumns.EveryTable.Concat(table.OrganizationOwned ? StandardColumns.OrganizationOwned : StandardColumns.UserOwned).Append(table.Name + "id"));
                }

                if (table.IsActivity)
                {
                    customActivities.Add(table.Name);
                }

                Add(table.Name, table.Columns);
            }

            var relationships = (solutionRelationships ?? Enumerable.Empty<SolutionRelationship>()).ToDictionary(r => r.Name, StringComparer.Ordinal);
            return new OrganisationSchema(columns, customActivities, relationships);
        }
    }
}
