using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>A broken source file stops the pack with the file and the problem, and leaves the output folder alone.</summary>
    public class MalformedSourceTests
    {
        private string _work = null!;
        private string _source = null!;
        private string _output = null!;

        [SetUp]
        public void CopySource()
        {
            _work = Path.Combine(Path.GetTempPath(), "loyaltyhealth-pack-" + Guid.NewGuid().ToString("N"));
            _source = Path.Combine(_work, "solution");
            _output = Path.Combine(_work, "dist");
            foreach (var file in Directory.EnumerateFiles(SolutionSource.Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_source, Path.GetRelativePath(SolutionSource.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        [TearDown]
        public void Remove() => Directory.Delete(_work, recursive: true);

        private string FirstStep() => Directory.EnumerateFiles(Path.Combine(_source, SolutionLayout.Steps)).OrderBy(f => f, StringComparer.Ordinal).First();

        private SourceFileError PackFails() =>
            Assert.Throws<SourceFileError>(() => SolutionPacker.Pack(new PackInputs(_source, SolutionSource.PluginBuild)))!;

        /// <summary>Runs the command as a user would, and returns its exit code and error output.</summary>
        private (int Exit, string Error) RunCommand()
        {
            var error = new StringWriter();
            var previous = Console.Error;
            Console.SetError(error);
            try
            {
                return (Program.Main(new[] { "--solution", _source, "--plugin-build", SolutionSource.PluginBuild, "--output", _output }), error.ToString());
            }
            finally
            {
                Console.SetError(previous);
            }
        }

        [Test]
        public void An_intact_copy_packs()
        {
            var (exit, error) = RunCommand();

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(0), error);
                Assert.That(Path.Combine(_output, "LoyaltyHealth_1_0_0_0.zip"), Does.Exist);
                Assert.That(Directory.EnumerateFiles(_output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "LoyaltyHealth_1_0_0_0.zip", "loy_LoyaltyHealth.Plugins.1.0.0.nupkg" }));
            });
        }

        [Test]
        public void A_file_that_is_not_well_formed_is_named_and_nothing_is_written()
        {
            var step = FirstStep();
            File.WriteAllText(step, File.ReadAllText(step).Replace("</Stage>", "</Stag>"));

            var (exit, error) = RunCommand();

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(error, Does.Contain($"{SolutionLayout.Steps}/{Path.GetFileName(step)}: not well-formed XML"));
                Assert.That(Directory.Exists(_output) ? Directory.EnumerateFileSystemEntries(_output) : Enumerable.Empty<string>(), Is.Empty, "dist/ must stay untouched");
            });
        }

        [Test]
        public void A_step_file_named_differently_from_its_id_is_refused()
        {
            var step = FirstStep();
            File.Move(step, Path.Combine(Path.GetDirectoryName(step)!, "{00000000-0000-0000-0000-000000000001}.xml"));

            var error = PackFails();

            Assert.That(error.Message, Does.StartWith($"{SolutionLayout.Steps}/{{00000000-0000-0000-0000-000000000001}}.xml: the step id is"));
        }

        [Test]
        public void A_dashboard_file_named_differently_from_its_form_id_is_refused()
        {
            var dashboard = Directory.EnumerateFiles(Path.Combine(_source, SolutionLayout.Dashboards), "*.xml").First();
            File.Move(dashboard, Path.Combine(Path.GetDirectoryName(dashboard)!, "{00000000-0000-0000-0000-000000000002}.xml"));

            var error = PackFails();

            Assert.That(error.Message, Does.StartWith($"{SolutionLayout.Dashboards}/{{00000000-0000-0000-0000-000000000002}}.xml: the file is named {{00000000-0000-0000-0000-000000000002}}.xml but its FormId is"));
        }

        [Test]
        public void A_dashboard_whose_form_is_not_a_dashboard_form_is_refused()
        {
            var dashboard = Directory.EnumerateFiles(Path.Combine(_source, SolutionLayout.Dashboards), "*.xml").First();
            File.WriteAllText(dashboard, File.ReadAllText(dashboard).Replace("<forms type=\"dashboard\">", "<forms type=\"main\">"));

            var error = PackFails();

            Assert.That(error.Message, Does.Contain("<forms type=\"dashboard\">"));
        }

        [Test]
        public void A_missing_required_element_is_named_with_its_line()
        {
            var manifest = Path.Combine(_source, "Other", "Solution.xml");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("<CustomizationPrefix>loy</CustomizationPrefix>", ""));

            var error = PackFails();

            Assert.That(error.Message, Does.Match(@"^Other/Solution\.xml: <Publisher> \(line \d+\) has no <CustomizationPrefix> element\.$"));
        }

        [Test]
        public void A_file_the_pack_would_leave_out_is_refused()
        {
            Directory.CreateDirectory(Path.Combine(_source, "WebResources"));
            File.WriteAllText(Path.Combine(_source, "WebResources", "loy_script.js"), "// nothing");

            var error = PackFails();

            Assert.That(error.File, Is.EqualTo("WebResources/loy_script.js"));
        }

        [Test]
        public void A_listed_relationship_without_a_definition_is_refused()
        {
            File.Delete(Path.Combine(_source, "Other", "Relationships", "Contact.xml"));

            var error = PackFails();

            Assert.That(error.Message, Does.StartWith("Other/Relationships.xml: lists relationship 'loy_contact_loy_valuereport_reportedtoid'"));
        }

        [Test]
        public void A_plugin_package_without_the_publisher_prefix_is_refused()
        {
            var file = Path.Combine(_source, SolutionLayout.PluginPackages, "loy_LoyaltyHealth.Plugins", SolutionLayout.PluginPackageFile);
            File.WriteAllText(file, File.ReadAllText(file).Replace("<name>loy_LoyaltyHealth.Plugins</name>", "<name>LoyaltyHealth.Plugins</name>"));

            var error = PackFails();

            Assert.That(error.File, Is.EqualTo($"{SolutionLayout.PluginPackages}/loy_LoyaltyHealth.Plugins/{SolutionLayout.PluginPackageFile}"));
        }

        [Test]
        public void A_plain_plugin_assembly_beside_the_package_is_refused()
        {
            Directory.CreateDirectory(Path.Combine(_source, SolutionLayout.PluginAssemblies, "LoyaltyHealth.Plugins-83AEBD90-058E-4C5B-A395-9C97E775B350"));

            var error = PackFails();

            Assert.That(error.Problem, Does.Contain("plain plugin assembly"));
        }

        [Test]
        public void A_step_whose_export_key_names_no_packaged_type_is_refused()
        {
            var step = Directory.EnumerateFiles(Path.Combine(_source, SolutionLayout.Steps), "*.xml").OrderBy(f => f, StringComparer.Ordinal).First();
            var text = File.ReadAllText(step);
            var key = System.Text.RegularExpressions.Regex.Match(text, "<PluginTypeExportKey>([0-9A-F]{64})</PluginTypeExportKey>").Groups[1].Value;
            File.WriteAllText(step, text.Replace(key, new string('A', 64)));

            var error = PackFails();

            Assert.Multiple(() =>
            {
                Assert.That(error.File, Is.EqualTo($"{SolutionLayout.Steps}/{Path.GetFileName(step)}"));
                Assert.That(error.Problem, Does.Contain("names no type of plugin package"));
            });
        }

        [Test]
        public void A_custom_api_bound_to_a_plain_type_id_is_refused()
        {
            var api = Path.Combine(_source, SolutionLayout.CustomApis, "loy_RecalculateAccountHealth", SolutionLayout.CustomApiFile);
            var text = File.ReadAllText(api);
            File.WriteAllText(api, System.Text.RegularExpressions.Regex.Replace(text, "<plugintypeexportkey>[0-9A-F]{64}</plugintypeexportkey>",
                "<plugintypeid>b7558e3c-2bd9-43a8-97b0-5d64df1851d2</plugintypeid>"));

            var error = PackFails();

            Assert.That(error.Problem, Does.Contain("plain assembly"));
        }

        [Test]
        public void A_plugin_package_record_without_the_export_key_version_is_refused()
        {
            var file = Path.Combine(_source, SolutionLayout.PluginPackages, "loy_LoyaltyHealth.Plugins", SolutionLayout.PluginPackageFile);
            File.WriteAllText(file, File.ReadAllText(file).Replace("<exportkeyversion>1</exportkeyversion>", ""));

            var error = PackFails();

            Assert.That(error.Problem, Does.Contain("<exportkeyversion>"));
        }
    }
}
