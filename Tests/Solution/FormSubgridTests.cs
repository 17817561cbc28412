using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// Subgrids on the solution's forms: each names a relationship of its form's table, and a view of the
    /// related table whose columns exist. The account form shows the assessment history this way.
    /// </summary>
    public class FormSubgridTests
    {
        /// <summary>The grid control of forms and dashboards (Microsoft's "Sample dashboards", exported FormXml).</summary>
        public const string GridClassId = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";

        private const string AccountForm = "Entities/Account/FormXml/main/{76c926a1-3c88-48b3-979e-93cbfc829372}.xml";
        private const string HistoryRelationship = "loy_account_loy_healthassessment_accountid";

        internal sealed record View(string File, string Table, XElement Query);

        internal sealed record Relationship(string Name, string Referencing, string Referenced);

        /// <summary>What a subgrid check reads besides the form: relationships, views by id and columns by table.</summary>
        internal sealed record Catalogue(IReadOnlyList<Relationship> Relationships, IReadOnlyDictionary<Guid, View> Views, ILookup<string, string> Columns)
        {
            public static Catalogue OfSolution() => new(
                SolutionSource.Files(SolutionLayout.RelationshipsFolder, "*.xml").SelectMany(f => SolutionSource.Xml(f).Elements("EntityRelationship"))
                    .Select(r => new Relationship((string)r.Attribute("Name")!, r.Element("ReferencingEntityName")!.Value.ToLowerInvariant(),
                        r.Element("ReferencedEntityName")!.Value.ToLowerInvariant())).ToList(),
                SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains($"/{SolutionLayout.Views}/"))
                    .Select(f => new View(f, TableOf(f), SolutionSource.Xml(f).Element("savedquery")!))
                    .ToDictionary(v => Guid.Parse(v.Query.Element("savedqueryid")!.Value)),
                SolutionModel.Attributes().ToLookup(a => a.Table, a => a.LogicalName));
        }

        /// <summary>The table a file under Entities/&lt;folder&gt;/ belongs to, as its Entity.xml names it.</summary>
        private static string TableOf(string file)
        {
            var folder = file.Split('/')[1];
            return ((string)SolutionSource.Xml($"{SolutionLayout.Entities}/{folder}/{SolutionLayout.EntityFile}").Element("EntityInfo")!.Element("entity")!.Attribute("Name")!).ToLowerInvariant();
        }

        /// <summary>The subgrids of a form: grid controls with a relationship (dashboard grids have none).</summary>
        internal static IEnumerable<XElement> Subgrids(XElement form) =>
            form.Descendants("control").Where(c => string.Equals((string?)c.Attribute("classid"), GridClassId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(c.Element("parameters")?.Element("RelationshipName")?.Value));

        /// <summary>What is wrong with a subgrid on a form of <paramref name="formTable"/>, one line each.</summary>
        internal static IEnumerable<string> Problems(XElement subgrid, string formTable, Catalogue catalogue)
        {
            var id = (string?)subgrid.Attribute("id");
            var parameters = subgrid.Element("parameters")!;
            var target = parameters.Element("TargetEntityType")?.Value;
            var relationshipName = parameters.Element("RelationshipName")!.Value;
            var relationship = catalogue.Relationships.SingleOrDefault(r => r.Name == relationshipName);
            if (relationship is null)
                yield return $"{id}: relationship {relationshipName} is not in {SolutionLayout.RelationshipsFolder}";
            else if (relationship.Referenced != formTable || relationship.Referencing != target)
                yield return $"{id}: relationship {relationshipName} relates {relationship.Referenced} to {relationship.Referencing}, not {formTable} to {target}";

            if (!Guid.TryParse(parameters.Element("ViewId")?.Value, out var viewId) || !catalogue.Views.TryGetValue(viewId, out var view))
            {
                yield return $"{id}: view {parameters.Element("ViewId")?.Value} is not a view of the solution";
                yield break;
            }
            var entity = view.Query.Descendants("entity").FirstOrDefault();
            if (view.Table != target || (string?)entity?.Attribute("name") != target)
                yield return $"{id}: view {view.File} is on {view.Table} (fetch {(string?)entity?.Attribute("name")}), not on {target}";
            var columns = view.Query.Descendants("cell").Select(c => (string)c.Attribute("name")!)
                .Concat(view.Query.Descendants("attribute").Select(a => (string)a.Attribute("name")!))
                .Concat(view.Query.Descendants("order").Select(o => (string)o.Attribute("attribute")!));
            foreach (var column in columns.Distinct().Where(c => !catalogue.Columns[view.Table].Contains(c)))
                yield return $"{id}: view {view.File} shows {column}, which is not a column of {view.Table}";
        }

        private static IEnumerable<(string File, XElement Subgrid, string Table)> SolutionSubgrids() =>
            SolutionSource.Files(SolutionLayout.Entities, "*.xml").Where(f => f.Contains($"/{SolutionLayout.Forms}/"))
                .SelectMany(f => Subgrids(SolutionSource.Xml(f)).Select(s => (f, s, TableOf(f))));

        [Test]
        public void Every_subgrid_names_a_relationship_of_its_table_and_a_view_of_the_related_table_whose_columns_exist()
        {
            var catalogue = Catalogue.OfSolution();
            var subgrids = SolutionSubgrids().ToList();
            Assert.That(subgrids, Is.Not.Empty, "the account form has the history subgrid");
            Assert.That(subgrids.SelectMany(s => Problems(s.Subgrid, s.Table, catalogue).Select(p => $"{s.File}: {p}")), Is.Empty);
        }

        [Test]
        public void The_account_form_shows_the_account_history_newest_first_with_its_own_view()
        {
            var subgrid = Subgrids(SolutionSource.Xml(AccountForm)).Single();
            var parameters = subgrid.Element("parameters")!;
            var view = Catalogue.OfSolution().Views[Guid.Parse(parameters.Element("ViewId")!.Value)];
            var order = view.Query.Descendants("order").Single();
            Assert.Multiple(() =>
            {
                Assert.That(parameters.Element("TargetEntityType")?.Value, Is.EqualTo(HealthAssessmentSchema.EntityName));
                Assert.That(parameters.Element("RelationshipName")?.Value, Is.EqualTo(HistoryRelationship));
                Assert.That(view.Query.Descendants("cell").Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[]
                {
                    HealthAssessmentSchema.AssessedOn, HealthAssessmentSchema.OverallHealth, HealthAssessmentSchema.HealthBand,
                    HealthAssessmentSchema.HealthTrend, HealthAssessmentSchema.PerkDependent,
                }), "scored on, overall, band, trend, perk-dependent");
                Assert.That(((string?)order.Attribute("attribute"), (string?)order.Attribute("descending")), Is.EqualTo((HealthAssessmentSchema.AssessedOn, "true")), "newest first");
                Assert.That(view.Query.Element("isdefault")?.Value, Is.EqualTo("0"), "the table's default view stays the active assessments");
                Assert.That(ViewsShownBySubgrids(), Is.EqualTo(new[] { view.File }), "the view is made for the subgrid alone");
            });
        }

        /// <summary>Views a form's subgrid shows: beyond the system views a new table carries.</summary>
        internal static IReadOnlyList<string> ViewsShownBySubgrids()
        {
            var views = Catalogue.OfSolution().Views;
            return SolutionSubgrids().Select(s => Guid.Parse(s.Subgrid.Element("parameters")!.Element("ViewId")!.Value))
                .Where(views.ContainsKey).Select(id => views[id].File).Distinct().ToList();
        }

        public static IEnumerable<TestCaseData> Breakages()
        {
            yield return new TestCaseData("RelationshipName", "loy_account_loy_perk_nothing", "is not in").SetName("A subgrid naming a relationship the solution lacks is reported");
            yield return new TestCaseData("RelationshipName", "loy_contact_loy_valuereport_reportedtoid", "relates contact to loy_valuereport").SetName("A subgrid naming another table's relationship is reported");
            yield return new TestCaseData("ViewId", "{00000000-0000-0000-00aa-000010001001}", "is not a view of the solution").SetName("A subgrid naming an unknown view is reported");
            yield return new TestCaseData("ViewId", "AccountView", "is on account").SetName("A subgrid naming a view of another table is reported");
            yield return new TestCaseData("Column", "loy_nosuchcolumn", "shows loy_nosuchcolumn, which is not a column of loy_healthassessment").SetName("A subgrid view showing a column the table lacks is reported");
        }

        [TestCaseSource(nameof(Breakages))]
        public void The_subgrid_check_bites_on_a_broken_copy(string what, string value, string expected)
        {
            var catalogue = Catalogue.OfSolution();
            var subgrid = new XElement(Subgrids(SolutionSource.Xml(AccountForm)).Single());
            var parameters = subgrid.Element("parameters")!;
            Assert.That(Problems(subgrid, AccountSchema.EntityName, catalogue), Is.Empty, "the unbroken subgrid passes");
            switch (what)
            {
                case "Column":
                    var views = catalogue.Views.ToDictionary(v => v.Key, v => v.Value);
                    var id = Guid.Parse(parameters.Element("ViewId")!.Value);
                    var broken = new XElement(views[id].Query);
                    broken.Descendants("row").First().Add(new XElement("cell", new XAttribute("name", value)));
                    views[id] = views[id] with { Query = broken };
                    catalogue = catalogue with { Views = views };
                    break;
                case "ViewId" when value == "AccountView":
                    parameters.Element("ViewId")!.Value = catalogue.Views.First(v => v.Value.Table == AccountSchema.EntityName).Key.ToString("B");
                    break;
                default:
                    parameters.Element(what)!.Value = value;
                    break;
            }
            Assert.That(string.Join("\n", Problems(subgrid, AccountSchema.EntityName, catalogue)), Does.Contain(expected));
        }
    }
}
