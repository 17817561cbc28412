using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The business events as the solution ships them: Custom APIs in the shape Microsoft's "Microsoft Dataverse
    /// business events" gives custom events (no plugin for the main operation, asynchronous steps only, no response
    /// properties), cataloged as "Catalog and CatalogAssignment tables" describes in solution files.
    /// </summary>
    public class BusinessEventSolutionTests
    {
        private const int Integer = 7;
        private const int String = 10;

        private static readonly (string Name, int Type, bool Optional)[] EventParameters =
        {
            (BusinessEventNames.OldBand, Integer, true), (BusinessEventNames.NewBand, Integer, false),
            (BusinessEventNames.OverallHealth, Integer, true), (BusinessEventNames.PreviousOverallHealth, Integer, true),
            (BusinessEventNames.ReasonCodes, String, true),
        };

        private static string Folder(string api) => $"{SolutionLayout.CustomApis}/{api}";

        private static IEnumerable<string> Events() => BusinessEventNames.All;

        [TestCaseSource(nameof(Events))]
        public void The_event_is_a_custom_api_bound_to_account_with_no_plugin_and_asynchronous_steps_only(string name)
        {
            var file = $"{Folder(name)}/{SolutionLayout.CustomApiFile}";
            var api = SolutionSource.Xml(file);
            Assert.Multiple(() =>
            {
                Assert.That(DocumentedShape.CustomApi.Problems(file, api), Is.Empty);
                Assert.That(api.Element("plugintypeid"), Is.Null, $"{file}: an event has no plugin for its main operation");
                Assert.That(api.Element("allowedcustomprocessingsteptype")?.Value, Is.EqualTo("1"), $"{file}: Async Only");
                Assert.That(api.Element("bindingtype")?.Value, Is.EqualTo("1"), $"{file}: bound to a table");
                Assert.That(api.Element("boundentitylogicalname")?.Value, Is.EqualTo("account"));
                Assert.That(api.Element("isfunction")?.Value, Is.EqualTo("0"), "an action: the trigger lists actions");
                Assert.That(api.Element("isprivate")?.Value, Is.EqualTo("0"), "a private message is not offered to flows");
                Assert.That(name, Does.StartWith(SolutionSource.Packed.Manifest.PublisherPrefix + "_On"), "Microsoft recommends an event's name begin with On");
                Assert.That(SolutionSource.Files($"{Folder(name)}/{SolutionLayout.ResponseProperties}", SolutionLayout.ResponsePropertyFile), Is.Empty,
                    "an event has no response properties: nothing could set them");
            });
        }

        [TestCaseSource(nameof(Events))]
        public void The_event_carries_exactly_the_parameters_the_plugin_sends(string name)
        {
            var parameters = SolutionSource.Files($"{Folder(name)}/{SolutionLayout.RequestParameters}", SolutionLayout.RequestParameterFile)
                .Select(f => (File: f, Root: SolutionSource.Xml(f))).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(parameters.Select(p => (string?)p.Root.Attribute("uniquename")), Is.EquivalentTo(EventParameters.Select(p => p.Name)));
                foreach (var (file, root) in parameters)
                {
                    var expected = EventParameters.First(p => p.Name == (string?)root.Attribute("uniquename"));
                    Assert.That(DocumentedShape.RequestParameter.Problems(file, root), Is.Empty);
                    Assert.That(root.Element("type")?.Value, Is.EqualTo(expected.Type.ToString()), $"{file}: <type>");
                    Assert.That(root.Element("isoptional")?.Value, Is.EqualTo(expected.Optional ? "1" : "0"), $"{file}: <isoptional>");
                    Assert.That(root.Element("name")?.Value, Is.EqualTo($"{name}.{expected.Name}"), $"{file}: <name>");
                }
            });
        }

        [Test]
        public void The_catalog_is_the_solution_with_one_category_that_assigns_every_event_and_nothing_else()
        {
            var root = SolutionSource.Xml($"{SolutionLayout.Catalogs}/{BusinessEventNames.Catalog}/{SolutionLayout.CatalogFile}");
            var category = SolutionSource.Xml($"{SolutionLayout.Catalogs}/{BusinessEventNames.Category}/{SolutionLayout.CatalogFile}");
            var assignments = SolutionSource.Xml(SolutionLayout.CatalogAssignmentsFile);
            var folders = SolutionSource.Files(SolutionLayout.Catalogs, SolutionLayout.CatalogFile).Select(f => f.Split('/')[1]);
            Assert.Multiple(() =>
            {
                Assert.That(folders, Is.EquivalentTo(new[] { BusinessEventNames.Catalog, BusinessEventNames.Category }));
                Assert.That(DocumentedShape.Catalog.Problems("root catalog", root), Is.Empty);
                Assert.That(DocumentedShape.Catalog.Problems("category", category), Is.Empty);
                Assert.That(root.Element("parentcatalogid"), Is.Null, "the first level represents the solution");
                Assert.That(category.Element("parentcatalogid")?.Element("uniquename")?.Value, Is.EqualTo(BusinessEventNames.Catalog), "the second level is a category of it");
                Assert.That(assignments.Name.LocalName, Is.EqualTo("catalogassignments"));
                foreach (var assignment in assignments.Elements())
                {
                    Assert.That(DocumentedShape.CatalogAssignment.Problems("assignment", assignment), Is.Empty);
                    Assert.That((string?)assignment.Attribute("catalogid.uniquename"), Is.EqualTo(BusinessEventNames.Category), "events are assigned to the category");
                    Assert.That((string?)assignment.Attribute("objectidtype"), Is.EqualTo("customapi"));
                }
                Assert.That(assignments.Elements().Select(a => (string?)a.Attribute("object.uniquename")), Is.EquivalentTo(BusinessEventNames.All));
            });
        }

        [Test]
        public void The_packed_zip_carries_the_events_and_their_catalog()
        {
            var names = SolutionSource.Packed.Entries.Select(e => e.Key).ToList();
            Assert.Multiple(() =>
            {
                foreach (var name in BusinessEventNames.All)
                    Assert.That(names, Has.Member($"{SolutionLayout.CustomApis}/{name}/{SolutionLayout.CustomApiFile}"));
                Assert.That(names, Has.Member($"{SolutionLayout.Catalogs}/{BusinessEventNames.Catalog}/{SolutionLayout.CatalogFile}"));
                Assert.That(names, Has.Member($"{SolutionLayout.Catalogs}/{BusinessEventNames.Category}/{SolutionLayout.CatalogFile}"));
                Assert.That(names, Has.Member(SolutionLayout.CatalogAssignmentsFile));
            });
        }
    }
}
