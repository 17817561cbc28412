using System;
using System.IO;
using System.Collections.Generic;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The health card (Controls/HealthCard) ships in the solution as a code component in the layout of
    /// <c>pac solution unpack</c>, taken from its build, and the account form shows it bound to the overall health.
    /// </summary>
    public class CustomControlTests
    {
        private const string Name = "loy_Loyalty.HealthCard";
        private const string FormFile = "Entities/Account/FormXml/main/{76c926a1-3c88-48b3-979e-93cbfc829372}.xml";

        private static string Project => Path.Combine(SolutionSource.Repository, "Controls", "HealthCard");
        private static string Build => Path.Combine(Project, "out", "controls", "HealthCard");

        private static XElement SourceManifest => XDocument.Load(Path.Combine(Project, "HealthCard", "ControlManifest.Input.xml")).Root!.Element("control")!;

        private static byte[] Entry(ZipArchive zip, string name)
        {
            var entry = zip.GetEntry(name);
            Assert.That(entry, Is.Not.Null, $"the packed zip has no {name}");
            using var stream = entry!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        [Test]
        public void The_packed_zip_carries_the_built_control_and_names_it_in_customizations()
        {
            using var zip = new ZipArchive(new MemoryStream(SolutionSource.DistZip));
            Assert.Multiple(() =>
            {
                foreach (var file in new[] { "ControlManifest.xml", "bundle.js", "css/HealthCard.css" })
                {
                    var built = Path.Combine(Build, file.Replace('/', Path.DirectorySeparatorChar));
                    Assert.That(built, Does.Exist, "the control is built before the pack (bash .ci/run does)");
                    Assert.That(Entry(zip, $"Controls/{Name}/{file}"), Is.EqualTo(File.ReadAllBytes(built)), $"Controls/{Name}/{file} is the build's {file}");
                }
                var controls = zip.Entries.Where(e => e.FullName.StartsWith("Controls/", StringComparison.Ordinal)).Select(e => e.FullName);
                Assert.That(controls, Is.EquivalentTo(new[] { "ControlManifest.xml", "bundle.js", "css/HealthCard.css" }.Select(f => $"Controls/{Name}/{f}")),
                    "only the manifest and the resources it names ship");

                var customizations = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Entry(zip, SolutionLayout.PackedCustomizations))).Root!;
                var entry = customizations.Element("CustomControls")?.Elements("CustomControl").Single();
                Assert.That(entry?.Element("Name")?.Value, Is.EqualTo(Name));
                Assert.That(entry?.Element("FileName")?.Value, Is.EqualTo($"/Controls/{Name}/ControlManifest.xml"));

                var manifest = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Entry(zip, $"Controls/{Name}/ControlManifest.xml"))).Root!.Element("control")!;
                Assert.That($"loy_{(string?)manifest.Attribute("namespace")}.{(string?)manifest.Attribute("constructor")}", Is.EqualTo(Name));
                Assert.That(manifest.Element("resources")!.Element("code")!.Attribute("path")!.Value, Is.EqualTo("bundle.js"));
            });
        }

        [Test]
        public void The_account_form_binds_the_card_to_the_overall_health_and_every_property_to_an_account_column()
        {
            var form = SolutionSource.Xml(FormFile).Element("systemform")!.Element("form")!;
            var control = form.Descendants("control").Single(c => (string?)c.Attribute("datafieldname") == "loy_overallhealth");
            var uniqueId = (string?)control.Attribute("uniqueid");
            Assert.That(uniqueId, Is.Not.Null, "the field's control carries the uniqueid its controlDescription points at");
            var description = form.Element("controlDescriptions")?.Elements("controlDescription").SingleOrDefault(d => (string?)d.Attribute("forControl") == uniqueId);
            Assert.That(description, Is.Not.Null);

            var columns = SolutionSource.Xml("Entities/Account/Entity.xml").Descendants("attribute")
                .Select(a => ((string?)a.Attribute("PhysicalName"))?.ToLowerInvariant()).ToHashSet();
            var bound = SourceManifest.Elements("property").Where(p => (string?)p.Attribute("usage") == "bound")
                .ToDictionary(p => (string)p.Attribute("name")!, p => (string?)p.Attribute("description-key"));
            var cards = description!.Elements("customControl").Where(c => (string?)c.Attribute("name") == Name).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(cards.Select(c => (string?)c.Attribute("formFactor")), Is.EquivalentTo(new[] { "0", "1", "2" }), "web, tablet and phone");
                Assert.That(description.Elements("customControl").Where(c => c.Attribute("name") is null).Select(c => c.Element("parameters")?.Element("datafieldname")?.Value),
                    Is.EqualTo(new[] { "loy_overallhealth" }), "the plain control stays the fallback, as exports write it");
                foreach (var card in cards)
                {
                    var parameters = card.Element("parameters")!.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
                    Assert.That(parameters.Keys, Is.EquivalentTo(bound.Keys), $"formFactor {card.Attribute("formFactor")}: every bound property is bound");
                    Assert.That(parameters["overallHealth"], Is.EqualTo("loy_overallhealth"));
                    foreach (var (property, column) in parameters)
                    {
                        Assert.That(columns, Does.Contain(column), $"{property} is bound to {column}, a column of account");
                        Assert.That(column, Is.EqualTo(bound[property]), $"{property}: the manifest documents the column it reads");
                    }
                }
            });
        }

        /// <summary>The manifest type a bound property needs for each column type of Entity.xml (PCF manifest "of-type" values).</summary>
        private static readonly Dictionary<string, string> ManifestTypeOf = new()
        {
            ["int"] = "Whole.None", ["picklist"] = "OptionSet", ["bit"] = "TwoOptions", ["decimal"] = "Decimal",
            ["ntext"] = "Multiple", ["datetime"] = "DateAndTime.DateAndTime",
        };

        [Test]
        public void Every_bound_property_has_the_type_of_its_column()
        {
            var types = SolutionSource.Xml("Entities/Account/Entity.xml").Descendants("attribute")
                .ToDictionary(a => ((string)a.Attribute("PhysicalName")!).ToLowerInvariant(), a => a.Element("Type")!.Value);
            Assert.Multiple(() =>
            {
                foreach (var property in SourceManifest.Elements("property").Where(p => (string?)p.Attribute("usage") == "bound"))
                {
                    var column = (string)property.Attribute("description-key")!;
                    Assert.That(types.TryGetValue(column, out var type), Is.True, $"{property.Attribute("name")}: {column} is not a column of account");
                    Assert.That((string?)property.Attribute("of-type"), Is.EqualTo(type is null ? null : ManifestTypeOf.GetValueOrDefault(type)),
                        $"{property.Attribute("name")} is bound to {column} ({type})");
                }
            });
        }

        [Test]
        public void The_pack_fails_clearly_when_the_control_is_not_built()
        {
            var empty = Path.Combine(Path.GetTempPath(), "loyaltyhealth-nocontrol-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(empty);
            try
            {
                var error = Assert.Throws<PackError>(() => SolutionPacker.Pack(new PackInputs(SolutionSource.Folder, SolutionSource.PluginBuild) { ControlBuildFolders = new[] { empty } }))!;
                Assert.That(error.Message, Does.Contain(Name).And.Contain("npm run build"));
            }
            finally
            {
                Directory.Delete(empty, recursive: true);
            }
        }
    }
}
