using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The packed customizations.xml against Microsoft's published 9.0 schema (../shared/schemas). The
    /// schema predates a few root attributes every current export writes; those, and only those, are
    /// removed before validating. Everything newer than the schema lives outside customizations.xml
    /// and is checked against Microsoft's documentation instead (see README.md).
    /// </summary>
    public class SchemaValidationTests
    {
        /// <summary>Root attributes current Dataverse exports write that the 9.0 schema does not declare.</summary>
        public static readonly string[] NewerRootAttributes = { "OrganizationVersion", "OrganizationSchemaType", "CRMServerServiceabilityVersion" };

        /// <summary>
        /// Step elements newer than the 9.0 schema: how a step binds to a plugin package's type, which every
        /// current export writes in place of PluginTypeName/PluginTypeId (juergenbeck/D365TestCenter,
        /// solution/src/SdkMessageProcessingSteps).
        /// </summary>
        public static readonly string[] NewerStepElements = { "PluginTypeExportKey" };

        /// <summary>
        /// Workflow elements newer than the 9.0 schema that every current export of a cloud flow writes
        /// (juergenbeck/D365TestCenter, solution/src/Workflows/*.json.data.xml): where the flow's JSON
        /// definition is, whether other publishers may add steps, and the kind of modern flow.
        /// </summary>
        public static readonly string[] NewerWorkflowElements = { "JsonFileName", "IsCustomProcessingStepAllowedForOtherPublishers", "ModernFlowType" };

        /// <summary>
        /// Root sections newer than the 9.0 schema: the connection references cloud flows use, which unpacked
        /// solutions keep inline in Other/Customizations.xml after EntityDataProviders.
        /// </summary>
        public static readonly string[] NewerRootSections = { "connectionreferences" };

        private static XmlSchemaSet Schema(string file)
        {
            var path = Path.Combine(SolutionSource.Schemas, file);
            Assert.That(path, Does.Exist, $"Microsoft's schemas are expected in ../shared/schemas beside the repository");
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            set.Add(null, path);
            set.Compile();
            return set;
        }

        private static List<string> Validate(XDocument document, string file, string name)
        {
            var errors = new List<string>();
            document.Validate(Schema(file), (_, e) => errors.Add($"{name} line {e.Exception?.LineNumber}: {e.Message}"));
            return errors;
        }

        /// <summary>customizations.xml of the zip in dist/, as shipped.</summary>
        private static XDocument ShippedCustomizations()
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(SolutionSource.DistZip));
            using var stream = zip.GetEntry(SolutionLayout.PackedCustomizations)!.Open();
            return XDocument.Load(stream, LoadOptions.SetLineInfo);
        }

        private static XDocument PackedCustomizations()
        {
            var document = ShippedCustomizations();
            foreach (var attribute in NewerRootAttributes) document.Root!.Attribute(attribute)?.Remove();
            foreach (var element in NewerStepElements) document.Descendants("SdkMessageProcessingStep").Elements(element).Remove();
            foreach (var element in NewerWorkflowElements) document.Root!.Element("Workflows")?.Elements("Workflow").Elements(element).Remove();
            foreach (var section in NewerRootSections) document.Root!.Elements(section).Remove();
            return document;
        }

        [Test]
        public void The_packed_customizations_validate_against_the_published_schema()
        {
            var errors = Validate(PackedCustomizations(), "CustomizationsSolution.xsd", SolutionLayout.PackedCustomizations);
            Assert.That(errors, Is.Empty);
        }

        [Test]
        public void The_validation_catches_sections_out_of_order()
        {
            var document = PackedCustomizations();
            var roles = document.Root!.Element("Roles")!;
            roles.Remove();
            document.Root.AddFirst(roles);

            Assert.That(Validate(document, "CustomizationsSolution.xsd", "reordered customizations.xml"), Has.Some.Contains("'Entities'"));
        }

        [Test]
        public void The_validation_catches_a_column_property_the_schema_does_not_know()
        {
            var document = PackedCustomizations();
            document.Root!.Element("Entities")!.Descendants("attribute").First().Add(new XElement("NotAProperty", "1"));

            Assert.That(Validate(document, "CustomizationsSolution.xsd", "extended customizations.xml"), Has.Some.Contains("NotAProperty"));
        }

        [Test]
        public void The_parts_removed_before_validation_are_rejected_by_the_schema_and_nothing_else_is()
        {
            var document = ShippedCustomizations();
            var steps = document.Descendants("SdkMessageProcessingStep").Count();
            var errors = Validate(document, "CustomizationsSolution.xsd", SolutionLayout.PackedCustomizations);
            // The validator reports one invalid child per element (it stops reading that element there), so a
            // flow's newer elements count once per flow; each newer root section once.
            var flows = document.Root!.Element("Workflows")?.Elements("Workflow").Count() ?? 0;
            var sections = NewerRootSections.Count(s => document.Root.Element(s) is not null);
            Assert.That(errors, Has.Count.EqualTo(NewerRootAttributes.Length + steps * NewerStepElements.Length + flows + sections),
                "only the documented newer root attributes, step and flow elements and root sections may need removing");
            var removedOneByOne = ShippedCustomizations();
            foreach (var attribute in NewerRootAttributes) removedOneByOne.Root!.Attribute(attribute)?.Remove();
            foreach (var element in NewerStepElements) removedOneByOne.Descendants("SdkMessageProcessingStep").Elements(element).Remove();
            foreach (var section in NewerRootSections) removedOneByOne.Root!.Elements(section).Remove();
            foreach (var element in NewerWorkflowElements)
            {
                var withoutThisOne = new XDocument(removedOneByOne);
                foreach (var other in NewerWorkflowElements.Where(e => e != element)) withoutThisOne.Root!.Element("Workflows")?.Elements("Workflow").Elements(other).Remove();
                Assert.That(Validate(withoutThisOne, "CustomizationsSolution.xsd", "customizations.xml"), Has.Some.Contains($"'{element}'"),
                    $"the schema rejects <{element}> in a Workflow, so removing it is needed");
            }
        }

        [Test]
        public void Dashboards_land_in_the_dashboards_section_and_their_forms_validate_against_the_form_schema()
        {
            var packed = PackedCustomizations();
            var dashboards = packed.Root!.Element("Dashboards")?.Elements("Dashboard").ToList() ?? new List<XElement>();
            Assert.That(dashboards.Select(d => d.Element("FormId")!.Value),
                Is.EquivalentTo(SolutionSource.Files(SolutionLayout.Dashboards, "*.xml").Select(f => f.Split('/').Last()[..^4])),
                "every file in Dashboards/ is one <Dashboard> in customizations.xml's <Dashboards>");
            Assert.Multiple(() =>
            {
                foreach (var dashboard in dashboards)
                {
                    var id = dashboard.Element("FormId")!.Value;
                    var forms = dashboard.Element("FormXml")!.Elements("forms").Single();
                    Assert.That((string?)forms.Attribute("type"), Is.EqualTo("dashboard"), $"dashboard {id}");
                    Assert.That(Validate(new XDocument(new XElement(forms.Elements("form").Single())), "FormXml.xsd", $"form of dashboard {id}"), Is.Empty);
                }
            });
        }

        [Test]
        public void The_validation_catches_a_dashboard_control_parameter_the_schema_does_not_know()
        {
            var document = PackedCustomizations();
            document.Root!.Element("Dashboards")!.Descendants("parameters").First().Add(new XElement("NotAParameter", "1"));

            Assert.That(Validate(document, "CustomizationsSolution.xsd", "extended customizations.xml"), Has.Some.Contains("NotAParameter"));
        }

        [Test]
        public void Chart_data_descriptions_validate_and_their_queries_are_valid_fetchxml()
        {
            var charts = PackedCustomizations().Descendants("visualization").ToList();
            Assert.That(charts, Is.Not.Empty);
            Assert.Multiple(() =>
            {
                foreach (var chart in charts)
                {
                    var id = chart.Element("savedqueryvisualizationid")!.Value;
                    var data = XDocument.Parse(chart.Element("datadescription")!.Value);
                    Assert.That(Validate(data, "VisualizationDataDescription.xsd", $"datadescription of chart {id}"), Is.Empty);
                    foreach (var fetch in data.Descendants("fetch"))
                        Assert.That(Validate(new XDocument(fetch), "Fetch.xsd", $"fetch of chart {id}"), Is.Empty);
                }
            });
        }
    }
}
