using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>Solution.xml names every component the source defines, with the right component type, and nothing else.</summary>
    public class RootComponentTests
    {
        // Component types of the solutioncomponent table (learn.microsoft.com, SolutionComponent reference).
        private const int Table = 1, OptionSet = 9, Role = 20, View = 26, Chart = 59, Form = 60, CustomControl = 66, PluginAssembly = 91, Step = 92, EnvironmentVariable = 380, Workflow = 29;

        private static IReadOnlyList<RootComponent> Roots => SolutionManifest.Read(new SourceTree(SolutionSource.Folder)).RootComponents;

        private static IEnumerable<string> Named(int type) => Roots.Where(r => r.Type == type).Select(r => r.SchemaName!);

        private static IEnumerable<Guid> Ids(int type) => Roots.Where(r => r.Type == type).Select(r => r.Id!.Value);

        private static Guid FileId(string file) => Guid.Parse(file.Split('/').Last().Trim('{', '}')[..36]);

        [Test]
        public void Every_table_of_the_source_is_a_root_component()
        {
            var tables = SolutionSource.Files(SolutionLayout.Entities, SolutionLayout.EntityFile).Select(f => f.Split('/')[1].ToLowerInvariant());
            Assert.That(Named(Table), Is.EquivalentTo(tables), $"{SolutionLayout.SolutionFile}: type {Table} root components");
        }

        [Test]
        public void Dataverse_tables_are_included_as_shells_and_the_solutions_own_tables_whole()
        {
            Assert.Multiple(() =>
            {
                foreach (var root in Roots.Where(r => r.Type == Table))
                {
                    var own = root.SchemaName!.StartsWith("loy_", StringComparison.Ordinal);
                    Assert.That(root.Behavior, Is.EqualTo(own ? 0 : 2),
                        $"{SolutionLayout.SolutionFile}: {root.SchemaName} — the solution must not take over a Dataverse table, only add to it");
                }
            });
        }

        [Test]
        public void Every_global_choice_is_a_root_component()
        {
            var optionSets = SolutionSource.Files(SolutionLayout.OptionSets, "*.xml").Select(f => f.Split('/').Last()[..^4]);
            Assert.That(Named(OptionSet), Is.EquivalentTo(optionSets));
        }

        [Test]
        public void Views_charts_forms_and_dashboards_are_root_components()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Ids(View), Is.EquivalentTo(SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains("/SavedQueries/")).Select(FileId)));
                Assert.That(Ids(Chart), Is.EquivalentTo(SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains("/Visualizations/")).Select(FileId)));
                Assert.That(Ids(Form), Is.EquivalentTo(SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains("/FormXml/"))
                    .Concat(SolutionSource.Files(SolutionLayout.Dashboards, "*.xml")).Select(FileId)), "forms and dashboards (both system forms, type 60)");
            });
        }

        [Test]
        public void The_roles_and_every_step_are_root_components_and_no_plain_assembly_is()
        {
            var roles = SolutionSource.Files(SolutionLayout.Roles, "*.xml").Select(f => Guid.Parse(((string)SolutionSource.Xml(f).Attribute("id")!).Trim('{', '}')));
            Assert.Multiple(() =>
            {
                Assert.That(Ids(Role), Is.EquivalentTo(roles));
                Assert.That(Ids(Step), Is.EquivalentTo(SolutionModel.Steps().Select(s => s.Id)));
                Assert.That(Ids(PluginAssembly), Is.Empty, "the code ships in the plugin package, which real exports do not list as a root component");
            });
        }

        [Test]
        public void The_policy_variable_is_a_root_component()
        {
            var variables = SolutionSource.Files(SolutionLayout.EnvironmentVariables, SolutionLayout.EnvironmentVariableFile).Select(f => f.Split('/')[1]);
            Assert.That(Named(EnvironmentVariable), Is.EquivalentTo(variables));
        }

        [Test]
        public void Every_code_component_is_a_root_component()
        {
            var controls = System.IO.Directory.EnumerateDirectories(System.IO.Path.Combine(SolutionSource.Folder, SolutionLayout.Controls)).Select(f => System.IO.Path.GetFileName(f));
            Assert.That(Named(CustomControl), Is.EquivalentTo(controls), $"{SolutionLayout.SolutionFile}: type {CustomControl} root components");
        }

        [Test]
        public void No_root_component_has_a_type_this_solution_does_not_use()
        {
            var known = new[] { Table, OptionSet, Role, View, Chart, Form, CustomControl, PluginAssembly, Step, EnvironmentVariable, Workflow };
            Assert.That(Roots.Select(r => r.Type).Where(t => !known.Contains(t)), Is.Empty,
                "Custom APIs, plugin packages, catalogs and connection references have no fixed component type (Dataverse numbers them per environment); their folders carry them");
        }
    }
}
