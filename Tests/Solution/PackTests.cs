using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The packed solution zip: what it holds, and that it depends only on its sources.</summary>
    public class PackTests
    {
        [Test]
        public void Packing_the_same_sources_twice_gives_byte_identical_zips()
        {
            var first = SolutionSource.Pack();
            var second = SolutionSource.Pack();

            Assert.That(second.Zip, Is.EqualTo(first.Zip), "two packs of the same sources differ");
        }

        [Test]
        public void The_zip_is_named_and_laid_out_as_Dataverse_exports_a_solution()
        {
            var packed = SolutionSource.Packed;
            var names = packed.Entries.Select(e => e.Key).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(packed.ZipFileName, Is.EqualTo("LoyaltyHealth_1_0_0_0.zip"));
                Assert.That(names.Take(3), Is.EqualTo(new[] { SolutionLayout.ContentTypes, SolutionLayout.PackedSolution, SolutionLayout.PackedCustomizations }));
                Assert.That(names.Where(n => n.StartsWith(SolutionLayout.PluginAssemblies + "/", StringComparison.Ordinal)), Is.Empty,
                    "the code ships only in the plugin package: a plain twin of the same assembly conflicts with it in Dataverse");
                Assert.That(names, Does.Contain("pluginpackages/loy_LoyaltyHealth.Plugins/pluginpackage.xml"));
                Assert.That(names, Does.Contain("pluginpackages/loy_LoyaltyHealth.Plugins/package/loy_LoyaltyHealth.Plugins.nupkg"));
                Assert.That(names, Does.Contain("environmentvariabledefinitions/loy_LoyaltyPolicy/environmentvariabledefinition.xml"));
                Assert.That(names, Does.Contain("customapis/loy_RecalculateAccountHealth/customapi.xml"));
                Assert.That(names, Does.Contain("customapis/loy_RecalculateStaleAccountHealth/customapirequestparameters/MaxAgeHours/customapirequestparameter.xml"));
                Assert.That(names.Where(n => n.StartsWith("Other/") || n.StartsWith("Entities/") || n.StartsWith(SolutionLayout.Steps)), Is.Empty,
                    "unpacked-layout files belong inside customizations.xml");
            });
        }

        [Test]
        public void The_zip_reads_back_with_one_time_stamp_and_the_same_content()
        {
            using var zip = new ZipArchive(new MemoryStream(SolutionSource.Packed.Zip), ZipArchiveMode.Read);
            Assert.Multiple(() =>
            {
                Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(SolutionSource.Packed.Entries.Select(e => e.Key)));
                Assert.That(zip.Entries.Select(e => e.LastWriteTime).Distinct(), Is.EqualTo(new[] { DeterministicZip.EntryTime }));
            });
        }

        [Test]
        public void Content_types_cover_every_file_extension_in_the_zip()
        {
            var types = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SolutionSource.Packed.Entry(SolutionLayout.ContentTypes))).Root!
                .Elements().Select(e => (string)e.Attribute("Extension")!).ToList();
            var extensions = SolutionSource.Packed.Entries.Skip(1).Select(e => Path.GetExtension(e.Key).TrimStart('.').ToLowerInvariant()).Distinct();

            Assert.That(types, Is.EquivalentTo(extensions));
        }

        [Test]
        public void The_packed_solution_manifest_is_the_source_one()
        {
            var manifest = SolutionSource.PackedXml(SolutionLayout.PackedSolution).Element("SolutionManifest")!;
            Assert.Multiple(() =>
            {
                Assert.That(manifest.Element("UniqueName")?.Value, Is.EqualTo("LoyaltyHealth"));
                Assert.That(manifest.Element("Version")?.Value, Is.EqualTo("1.0.0.0"));
                Assert.That(manifest.Element("Managed")?.Value, Is.EqualTo("0"), "the source packs as an unmanaged solution");
                var publisher = manifest.Element("Publisher")!;
                Assert.That(publisher.Element("UniqueName")?.Value, Is.EqualTo("loyaltyhealth"));
                Assert.That(publisher.Element("CustomizationPrefix")?.Value, Is.EqualTo("loy"));
                Assert.That(publisher.Element("CustomizationOptionValuePrefix")?.Value, Is.EqualTo("10000"));
                Assert.That(manifest.Element("LocalizedNames")!.Elements().Select(n => (string?)n.Attribute("description")), Has.All.EqualTo("Loyalty Health"));
            });
        }
    }
}
