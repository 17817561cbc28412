using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>Every column the plugins read or write exists: in the solution, or as a standard Dataverse column.</summary>
    public class ColumnCoverageTests
    {
        private static readonly string[] ActivityAndPointerTables = ActivityTables.Names.Append(ActivitySchema.PointerEntityName).ToArray();

        /// <summary>
        /// The standard Dataverse columns of each table, from the list the in-memory organisation's schema
        /// uses (InMemory/Schema/StandardColumns): the solution's tables with their own columns left out.
        /// </summary>
        private static readonly Lazy<OrganisationSchema> StandardSchema = new(() => OrganisationSchema.Build(
            SolutionEntityReader.ReadSolution(RepositoryPaths.Solution).Select(t => t with { Columns = Array.Empty<string>() })));

        private static OrganisationSchema Standard => StandardSchema.Value;

        /// <summary>Constants of Plugins/Schema that name something other than a column.</summary>
        private static readonly string[] NotColumns =
        {
            nameof(AccountSchema.EntityName), nameof(ActivitySchema.PointerEntityName), nameof(ActivitySchema.Email), nameof(ActivitySchema.PhoneCall),
            nameof(ActivitySchema.Appointment), nameof(ActivitySchema.Task), nameof(ActivitySchema.ValueReport), nameof(ActivitySchema.Perk),
            nameof(EnvironmentVariableSchema.DefinitionEntityName), nameof(EnvironmentVariableSchema.ValueEntityName),
            nameof(EnvironmentVariableSchema.PolicySchemaName), nameof(EnvironmentVariableSchema.RefreshMaxAgeHoursSchemaName),
            nameof(HealthAssessmentSchema.FollowUpTasks),
        };

        /// <summary>Activity columns that exist on some activity tables only (their summaries in ActivitySchema say which).</summary>
        private static readonly IReadOnlyDictionary<string, string[]> ActivityColumnTables = new Dictionary<string, string[]>
        {
            [ActivitySchema.DirectionCode] = new[] { ActivitySchema.Email, ActivitySchema.PhoneCall },
            [ActivitySchema.Channel] = new[] { ActivitySchema.Appointment, ActivitySchema.ValueReport },
            [ActivitySchema.FollowUpReason] = new[] { ActivitySchema.Task },
        };

        private static IEnumerable<(string Constant, string Column)> Columns(Type schema) =>
            schema.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !NotColumns.Contains(f.Name))
                .Select(f => ($"{schema.Name}.{f.Name}", (string)f.GetRawConstantValue()!));

        /// <summary>(constant, table, column) for every column constant, placed on the table(s) it belongs to.</summary>
        private static IEnumerable<(string Constant, string Table, string Column)> Uses()
        {
            foreach (var (constant, column) in Columns(typeof(AccountSchema))) yield return (constant, AccountSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(ActivitySchema)))
            {
                // The solution's own columns are on each activity table; activitypointer cannot have custom columns.
                var tables = ActivityColumnTables.TryGetValue(column, out var only) ? only
                    : column.StartsWith("loy_", StringComparison.Ordinal) ? ActivityTables.Names : ActivityAndPointerTables;
                foreach (var table in tables) yield return (constant, table, column);
            }
            foreach (var (constant, column) in Columns(typeof(ValueReportSchema))) yield return (constant, ValueReportSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(PerkSchema))) yield return (constant, PerkSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(ActivityPartySchema))) yield return (constant, ActivityPartySchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(TaskSchema))) yield return (constant, TaskSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(ContactSchema))) yield return (constant, ContactSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(OpportunitySchema))) yield return (constant, OpportunitySchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(HealthAssessmentSchema))) yield return (constant, HealthAssessmentSchema.EntityName, column);
            foreach (var (constant, column) in Columns(typeof(EnvironmentVariableSchema)))
            {
                var onValue = constant.EndsWith("." + nameof(EnvironmentVariableSchema.Value))
                    || constant.EndsWith(nameof(EnvironmentVariableSchema.DefinitionLookup));
                yield return (constant, onValue ? EnvironmentVariableSchema.ValueEntityName : EnvironmentVariableSchema.DefinitionEntityName, column);
            }
            foreach (var table in ActivityTables.All)
                foreach (var column in table.Watched) yield return ($"ActivityTables.{table.Name}", table.Name, column);
        }

        [Test]
        public void Every_column_the_plugins_use_exists_in_the_solution_or_is_standard()
        {
            var defined = SolutionModel.Attributes().Select(a => (a.Table, a.LogicalName)).ToHashSet();
            Assert.Multiple(() =>
            {
                foreach (var (constant, table, column) in Uses())
                {
                    var exists = defined.Contains((table, column)) || Standard.HasColumn(table, column);
                    Assert.That(exists, Is.True, $"{constant} = '{column}' is on {table}, but solution/Entities defines no such column and it is not a standard column listed in StandardColumns");
                }
            });
        }

        [Test]
        public void The_list_of_standard_columns_holds_no_solution_column()
        {
            var standardOnly = OrganisationSchema.Build(Array.Empty<SolutionTable>());
            var listed = standardOnly.Tables.SelectMany(standardOnly.ColumnsOf)
                .Concat(StandardColumns.CustomActivityPartyLists).Concat(StandardColumns.OrganizationOwned);
            Assert.That(listed.Where(c => c.StartsWith("loy_", StringComparison.Ordinal)), Is.Empty);
        }

        [Test]
        public void Every_column_the_solution_defines_on_a_standard_table_is_one_the_product_uses()
        {
            var used = Uses().Select(u => (u.Table, u.Column)).ToHashSet();
            var unused = SolutionModel.Attributes()
                .Where(a => a.LogicalName.StartsWith("loy_", StringComparison.Ordinal) && !a.Table.StartsWith("loy_", StringComparison.Ordinal))
                .Where(a => !used.Contains((a.Table, a.LogicalName)))
                .Select(a => $"{a.File}: {a.LogicalName}");
            Assert.That(unused, Is.Empty, "a column on a Dataverse table that no plugin reads or writes is probably a typo");
        }
    }
}
