using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Framework;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The plugin package: a NuGet package as Dataverse requires it, carrying the plugin assembly and what it needs.</summary>
    public class PluginPackageTests
    {
        /// <summary>The plugin package as shipped in dist/.</summary>
        private static ZipArchive Package() => new(new MemoryStream(SolutionSource.DistPackage), ZipArchiveMode.Read);

        private static XElement Nuspec(ZipArchive package)
        {
            var entry = package.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = entry.Open();
            return XDocument.Load(stream).Root!;
        }

        [Test]
        public void The_package_carries_the_plugin_assembly_and_its_dependencies_for_net462_and_nothing_else()
        {
            using var package = Package();
            var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.FullName);

            Assert.That(lib, Is.EquivalentTo(new[] { "lib/net462/LoyaltyHealth.Plugins.dll", "lib/net462/LoyaltyHealth.Model.dll", "lib/net462/Newtonsoft.Json.dll" }));
        }

        [Test]
        public void The_packaged_model_assembly_carries_the_texts_of_every_language_as_they_are_in_the_repository()
        {
            using var package = Package();
            using var dll = new MemoryStream();
            using (var entry = package.GetEntry("lib/net462/LoyaltyHealth.Model.dll")!.Open()) entry.CopyTo(dll);
            dll.Position = 0;
            using var pe = new PEReader(dll);
            var metadata = pe.GetMetadataReader();
            var resources = metadata.ManifestResources.Select(h => metadata.GetManifestResource(h))
                .ToDictionary(r => metadata.GetString(r.Name), r => ResourceBytes(pe, r));
            var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "Model", "Reasons", "Texts"), "*.json")
                .ToDictionary(f => "LoyaltyHealth.Model.Texts." + Path.GetFileName(f), File.ReadAllBytes);

            Assert.Multiple(() =>
            {
                Assert.That(files.Keys, Has.Count.EqualTo(5), "en, de, nl, da and fi");
                foreach (var (name, content) in files)
                    Assert.That(resources.TryGetValue(name, out var packed) ? packed : null, Is.EqualTo(content), name + " in the packaged net462 model assembly");
            });
        }

        /// <summary>An embedded resource's bytes: a length-prefixed blob at its offset in the CLI resources directory.</summary>
        private static byte[] ResourceBytes(PEReader pe, ManifestResource resource)
        {
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader(0, directory.Size);
            block.Offset = (int)resource.Offset;
            return block.ReadBytes(block.ReadInt32());
        }

        [Test]
        public void Every_packaged_assembly_is_strong_named_like_the_plugin_assembly()
        {
            Assert.That(SolutionSource.Packed.Assemblies.Where(a => !a.IsStrongNamed).Select(a => a.FileName), Is.Empty,
                "a strong-named plugin assembly can only load strong-named dependencies");
        }

        [Test]
        public void The_nuspec_id_and_version_are_those_of_the_plugin_package_record()
        {
            using var package = Package();
            var metadata = Nuspec(package).Elements().Single(e => e.Name.LocalName == "metadata");
            var record = SolutionSource.Xml(SolutionSource.Packed.Package.File);
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Multiple(() =>
            {
                Assert.That(Value("id"), Is.EqualTo(record.Element("name")?.Value), "nuspec <id>");
                Assert.That(Value("id"), Is.EqualTo((string?)record.Attribute("uniquename")), "nuspec <id>");
                Assert.That(Value("version"), Is.EqualTo(record.Element("version")?.Value), "nuspec <version>");
                Assert.That(Value("id"), Does.StartWith(SolutionSource.Packed.Manifest.PublisherPrefix + "_"), "Dataverse refuses a package name without the publisher prefix");
            });
        }

        [Test]
        public void The_plugin_package_record_has_the_documented_shape()
        {
            var file = SolutionSource.Packed.Package.File;
            Assert.That(DocumentedShape.PluginPackage.Problems(file, SolutionSource.Xml(file)), Is.Empty);
        }

        [Test]
        public void The_package_is_deterministic_down_to_the_core_properties_part()
        {
            var again = SolutionSource.Pack();
            using var package = Package();

            Assert.Multiple(() =>
            {
                Assert.That(again.PackageContent, Is.EqualTo(SolutionSource.Packed.PackageContent), "packing twice gives a different .nupkg");
                Assert.That(package.Entries.Select(e => e.LastWriteTime).Distinct(), Is.EqualTo(new[] { DeterministicZip.EntryTime }), "entry time stamps");
                Assert.That(package.Entries.Select(e => e.FullName), Has.One.Matches<string>(n => n is not null && n.StartsWith("package/services/metadata/core-properties/") && n.EndsWith(".psmdcp")));
            });
        }

        [Test]
        public void The_packaged_plugin_assembly_holds_the_plugin_classes_of_the_build_the_pipeline_runs()
        {
            var packaged = SolutionSource.Packed.Assemblies.Single(a => a.Name == typeof(PluginBase).Assembly.GetName().Name).Metadata.PublicClasses;

            Assert.That(SolutionModel.PluginClasses().Select(c => c.FullName), Is.SubsetOf(packaged),
                "the net462 build in the package and the net10.0 build the local pipeline runs should hold the same plugin classes");
        }
    }
}
