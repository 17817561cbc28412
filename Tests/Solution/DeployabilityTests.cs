using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Pipeline.Registration;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The zip and the .nupkg in dist/, read as the import and the sandbox loader read them: every step and
    /// Custom API binds to a type the package holds (the key recomputed from the packaged assemblies'
    /// metadata), every packaged assembly's references close over the package, .NET Framework 4.6.2 and
    /// the SDK, no assembly is registered twice, no system table that gains columns is "unmodified", and the
    /// package record is written as real exports write it. Each rule is shown to bite on a broken copy.
    /// </summary>
    public class DeployabilityTests
    {
        private static IReadOnlyList<DeployabilityProblem> Check(byte[] zip, byte[]? package = null) =>
            DeployabilityCheck.Check(zip, SandboxAssemblies.Net462, package);

        /// <summary>The entries of the shipped zip, for a deliberately broken copy.</summary>
        private static List<KeyValuePair<string, byte[]>> Entries(byte[] zip)
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            return archive.Entries.Select(e => new KeyValuePair<string, byte[]>(e.FullName, PackedSolutionReader.Bytes(e))).ToList();
        }

        private static byte[] BrokenCopy(Func<string, byte[], byte[]?> change, params KeyValuePair<string, byte[]>[] added) =>
            DeterministicZip.Create(Entries(SolutionSource.DistZip)
                .Select(e => new KeyValuePair<string, byte[]>(e.Key, change(e.Key, e.Value)!))
                .Where(e => e.Value is not null)
                .Concat(added));

        private static byte[] Text(string entry, string name, byte[] content, Func<string, string> edit) =>
            entry == name ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(content))) : content;

        private static string PackageEntry => $"pluginpackages/{SolutionModel.PackageName}/package/{SolutionModel.PackageName}.nupkg";

        /// <summary>The .nupkg inside the zip with its lib/net462 files changed.</summary>
        private static byte[] WithPackageLib(string entry, byte[] content, Func<string, byte[], byte[]?> change) =>
            entry != PackageEntry ? content : DeterministicZip.Create(Entries(content)
                .Select(e => new KeyValuePair<string, byte[]>(e.Key, e.Key.StartsWith(PackedSolutionReader.PackageLibFolder, StringComparison.Ordinal) ? change(e.Key, e.Value)! : e.Value))
                .Where(e => e.Value is not null));

        private static IEnumerable<string> Rules(IEnumerable<DeployabilityProblem> problems) => problems.Select(p => p.Rule).Distinct();

        [Test]
        public void Dist_holds_exactly_what_the_sources_pack_to()
        {
            Assert.Multiple(() =>
            {
                Assert.That(SolutionSource.DistZip, Is.EqualTo(SolutionSource.Packed.Zip), "dist/ is stale: the tests would check another zip than the sources give; pack again");
                Assert.That(SolutionSource.DistPackage, Is.EqualTo(SolutionSource.Packed.PackageContent), "dist/ .nupkg is stale; pack again");
            });
        }

        [Test]
        public void The_shipped_zip_and_package_have_no_deployability_problem()
        {
            Assert.That(Check(SolutionSource.DistZip, SolutionSource.DistPackage).Select(p => p.ToString()), Is.Empty);
        }

        [Test]
        public void The_shipped_package_carries_only_net462_assemblies_that_reference_neither_netstandard_nor_ValueTuple()
        {
            using var zip = new ZipArchive(new MemoryStream(SolutionSource.DistZip), ZipArchiveMode.Read);
            var packaged = PackedSolutionReader.PackageAssemblies(zip, "dist zip");
            Assert.Multiple(() =>
            {
                Assert.That(packaged.Select(a => a.Name), Is.EquivalentTo(new[] { "LoyaltyHealth.Plugins", "LoyaltyHealth.Model", "Newtonsoft.Json" }));
                Assert.That(packaged.SelectMany(a => a.References).Select(r => r.Name), Has.None.EqualTo("netstandard").And.None.EqualTo("System.ValueTuple"));
            });
        }

        [Test]
        public void A_step_whose_export_key_names_no_packaged_type_is_caught()
        {
            var broken = BrokenCopy((name, content) => Text(name, PackedSolutionReader.CustomizationsEntry, content,
                xml => Regex.Replace(xml, "<PluginTypeExportKey>[0-9A-F]{64}</PluginTypeExportKey>", "<PluginTypeExportKey>" + new string('0', 64) + "</PluginTypeExportKey>", RegexOptions.None, TimeSpan.FromSeconds(5))));

            var problems = Check(broken);

            var binding = problems.Where(p => p.Rule == DeployabilityCheck.Binding).Select(p => p.Message).ToList();
            Assert.That(binding, Has.Count.EqualTo(SolutionModel.Steps().Count).And.All.Contains("names no type of plugin package"));
        }

        [Test]
        public void A_custom_api_whose_key_was_computed_for_a_renamed_assembly_is_caught()
        {
            var stale = PluginTypeExportKey.Of(SolutionModel.PackageName, "LoyaltyHealth.Plugins.Old", "LoyaltyHealth.Plugins.RecalculateAccountHealthApi");
            var broken = BrokenCopy((name, content) => Text(name, "customapis/loy_RecalculateAccountHealth/customapi.xml", content,
                xml => Regex.Replace(xml, "<plugintypeexportkey>[0-9A-F]{64}</plugintypeexportkey>", $"<plugintypeexportkey>{stale}</plugintypeexportkey>", RegexOptions.None, TimeSpan.FromSeconds(5))));

            Assert.That(Check(broken).Select(p => p.ToString()), Has.One.Contains("customapis/loy_RecalculateAccountHealth/customapi.xml").And.Contains("[binding]"));
        }

        [Test]
        public void A_business_event_with_a_response_property_or_without_its_async_only_shape_is_caught()
        {
            const string api = "customapis/loy_OnAccountEnteredAtRisk/customapi.xml";
            var property = System.IO.File.ReadAllBytes(System.IO.Path.Combine(SolutionSource.Folder,
                "customapis/loy_RecalculateAccountHealth/customapiresponseproperties/Outcome/customapiresponseproperty.xml"));
            var withResponse = BrokenCopy((name, content) => content,
                new KeyValuePair<string, byte[]>("customapis/loy_OnAccountEnteredAtRisk/customapiresponseproperties/Outcome/customapiresponseproperty.xml", property));
            var synchronous = BrokenCopy((name, content) => Text(name, api, content,
                xml => xml.Replace("<allowedcustomprocessingsteptype>1</allowedcustomprocessingsteptype>", "<allowedcustomprocessingsteptype>2</allowedcustomprocessingsteptype>")));

            Assert.Multiple(() =>
            {
                Assert.That(Check(withResponse).Select(p => p.ToString()), Has.One.Contains(api).And.Contains("response properties"));
                Assert.That(Check(synchronous).Select(p => p.ToString()), Has.One.Contains(api).And.Contains("names no plugin type"),
                    "without a plugin, only an async-only API (an event) is deployable");
            });
        }

        [Test]
        public void A_plain_twin_of_the_packaged_assembly_is_caught_and_could_not_load_its_dependencies()
        {
            var plugins = SolutionSource.Packed.Assemblies.Single(a => a.Name == "LoyaltyHealth.Plugins");
            var file = "PluginAssemblies/LoyaltyHealth.Plugins-83AEBD90-058E-4C5B-A395-9C97E775B350/LoyaltyHealth.Plugins.dll";
            var record = new XElement("PluginAssembly", new XAttribute("FullName", plugins.FullName),
                new XAttribute("PluginAssemblyId", "83aebd90-058e-4c5b-a395-9c97e775b350"),
                new XElement("IsolationMode", 2), new XElement("SourceType", 0), new XElement("FileName", "/" + file));
            var broken = BrokenCopy((name, content) => Text(name, PackedSolutionReader.CustomizationsEntry, content,
                xml => xml.Replace("<SolutionPluginAssemblies />", $"<SolutionPluginAssemblies>{record}</SolutionPluginAssemblies>")),
                new KeyValuePair<string, byte[]>(file, plugins.Content));

            var problems = Check(broken);

            Assert.Multiple(() =>
            {
                Assert.That(Rules(problems), Does.Contain(DeployabilityCheck.SingleRegistration));
                Assert.That(problems.Where(p => p.Rule == DeployabilityCheck.Closure).Select(p => p.Message), Has.Some.Contains("plain assembly LoyaltyHealth.Plugins references LoyaltyHealth.Model"));
            });
        }

        [Test]
        public void A_package_missing_a_dependency_is_caught()
        {
            var broken = BrokenCopy((name, content) => WithPackageLib(name, content, (lib, bytes) => lib.EndsWith("/Newtonsoft.Json.dll", StringComparison.Ordinal) ? null : bytes));

            Assert.That(Check(broken).Where(p => p.Rule == DeployabilityCheck.Closure).Select(p => p.Message),
                Has.Some.Contains("LoyaltyHealth.Model references Newtonsoft.Json"));
        }

        [Test]
        public void A_package_carrying_the_netstandard_build_of_the_model_is_caught()
        {
            var netstandardModel = Path.Combine(SolutionSource.Repository, "Model", "bin", RepositoryPaths.Configuration, "netstandard2.0", "LoyaltyHealth.Model.dll");
            Assert.That(netstandardModel, Does.Exist, "the tools' netstandard2.0 build of the model");
            var broken = BrokenCopy((name, content) => WithPackageLib(name, content,
                (lib, bytes) => lib.EndsWith("/LoyaltyHealth.Model.dll", StringComparison.Ordinal) ? File.ReadAllBytes(netstandardModel) : bytes));

            Assert.That(Check(broken).Where(p => p.Rule == DeployabilityCheck.Closure).Select(p => p.Message),
                Has.Some.Contains("LoyaltyHealth.Model references netstandard"));
        }

        [Test]
        public void A_system_table_marked_unmodified_while_gaining_columns_is_caught()
        {
            var broken = BrokenCopy((name, content) => Text(name, PackedSolutionReader.CustomizationsEntry, content,
                xml => xml.Replace("<entity Name=\"Account\">", "<entity Name=\"Account\" unmodified=\"1\">")));

            Assert.That(Check(broken).Select(p => p.ToString()), Has.One.Contains("[system-tables] table Account"));
        }

        [TestCase("<exportkeyversion>1</exportkeyversion>", "", "<exportkeyversion>")]
        [TestCase(" mimetype=\"application/octet-stream\"", "", "mimetype")]
        public void A_plugin_package_record_not_written_as_real_exports_write_it_is_caught(string from, string to, string named)
        {
            var record = $"pluginpackages/{SolutionModel.PackageName}/pluginpackage.xml";
            var broken = BrokenCopy((name, content) => Text(name, record, content, xml => xml.Replace(from, to)));

            Assert.That(Check(broken).Where(p => p.Rule == DeployabilityCheck.PackageRecord).Select(p => p.Message), Has.One.Contains(named));
        }

        [Test]
        public void A_standalone_package_that_differs_from_the_one_in_the_zip_is_caught()
        {
            var other = SolutionSource.DistPackage.ToArray();
            other[^1] ^= 0xFF;

            Assert.That(Rules(Check(SolutionSource.DistZip, other)), Is.EqualTo(new[] { DeployabilityCheck.StandalonePackage }));
        }

        [Test]
        public void The_pipeline_refuses_a_zip_whose_bindings_Dataverse_would_refuse()
        {
            var broken = BrokenCopy((name, content) => Text(name, "customapis/loy_RecalculateStaleAccountHealth/customapi.xml", content,
                xml => Regex.Replace(xml, "<plugintypeexportkey>[0-9A-F]{64}</plugintypeexportkey>", "<plugintypeexportkey>" + new string('F', 64) + "</plugintypeexportkey>", RegexOptions.None, TimeSpan.FromSeconds(5))));
            var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.zip");
            File.WriteAllBytes(path, broken);
            try
            {
                var registrations = SolutionRegistrations.Load(path);

                var error = Assert.Throws<SolutionFormatException>(() => registrations.Bind(new[] { typeof(LoyaltyHealth.Plugins.Framework.PluginBase).Assembly }));

                Assert.That(error!.Message, Does.Contain("is not resolvable").And.Contains("loy_RecalculateStaleAccountHealth"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public void The_pipeline_binds_every_step_and_custom_api_of_the_shipped_zip_to_the_plugin_classes_it_runs()
        {
            var path = Path.Combine(SolutionSource.Dist, SolutionSource.Packed.ZipFileName);
            _ = SolutionSource.DistZip;

            var bound = SolutionRegistrations.Load(path).Bind(new[] { typeof(LoyaltyHealth.Plugins.Framework.PluginBase).Assembly });
            var fromFolder = SolutionRegistrations.Load(SolutionSource.Folder).Bind(new[] { typeof(LoyaltyHealth.Plugins.Framework.PluginBase).Assembly });

            Assert.Multiple(() =>
            {
                Assert.That(bound.PackagedAssemblies, Is.Not.Null.And.Not.Empty, "bound against the net462 assemblies inside the zip");
                Assert.That(bound.Steps.Select(s => (s.Id, s.PluginTypeName)), Is.EquivalentTo(fromFolder.Steps.Select(s => (s.Id, s.PluginTypeName))));
                Assert.That(bound.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName)), Is.EquivalentTo(fromFolder.CustomApis.Select(a => (a.UniqueName, a.PluginTypeName))));
                Assert.That(bound.Steps.Select(s => s.PluginTypeName), Has.All.StartsWith("LoyaltyHealth.Plugins."));
            });
        }
    }
}
