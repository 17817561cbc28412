using System;
using System.IO;
using System.Linq;
using System.Text;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Framework;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// A step is declared once, in its plugin's constructor; the step files of solution/ are derived from
    /// those declarations (dotnet run --project Tools/Pack -- --write-steps) and must be exactly what the
    /// derivation gives. What the derivation writes is checked against the published step format and
    /// against the plugin package as built.
    /// </summary>
    public class StepRegistrationTests
    {
        private const string Regenerate = "the committed step files are not what the plugins declare; run: dotnet run --project Tools/Pack -- --write-steps";

        private static string Describe(StepFile s) => $"{s.File} ({s.Name})";

        [Test]
        public void The_committed_step_files_are_exactly_the_ones_derived_from_the_declared_steps()
        {
            var derived = StepFiles.Derive(SolutionSource.Folder);
            var committed = SolutionSource.Files(SolutionLayout.Steps, "*.xml");
            Assert.Multiple(() =>
            {
                Assert.That(committed, Is.EquivalentTo(derived.Select(d => d.File)), Regenerate);
                foreach (var step in derived.Where(d => committed.Contains(d.File)))
                {
                    var text = File.ReadAllText(Path.Combine(SolutionSource.Folder, step.File)).Replace("\r\n", "\n");
                    Assert.That(text, Is.EqualTo(Encoding.UTF8.GetString(step.Content)), $"{step.File}: {Regenerate}");
                }
            });
        }

        [Test]
        public void The_solution_manifest_lists_exactly_the_derived_steps_as_root_components()
        {
            var solutionXml = File.ReadAllText(Path.Combine(SolutionSource.Folder, SolutionLayout.SolutionFile)).Replace("\r\n", "\n");
            var derived = StepFiles.Derive(SolutionSource.Folder);

            Assert.That(solutionXml, Is.EqualTo(StepFiles.SolutionXmlWithStepRoots(solutionXml, derived.Select(d => d.Id))), Regenerate);
        }

        [Test]
        public void A_changed_declaration_makes_the_committed_step_files_stale()
        {
            var xml = File.ReadAllText(Path.Combine(SolutionSource.Folder, SolutionLayout.SolutionFile));
            var oneStepLess = StepFiles.Derive(SolutionSource.Folder).Skip(1).Select(d => d.Id);

            Assert.That(StepFiles.SolutionXmlWithStepRoots(xml, oneStepLess).Replace("\r\n", "\n"), Is.Not.EqualTo(xml.Replace("\r\n", "\n")),
                "the root-component check must notice a step that is no longer declared");
        }

        [Test]
        public void Every_step_binds_by_export_key_to_the_plugin_class_its_name_gives_in_the_net462_package()
        {
            Assert.Multiple(() =>
            {
                foreach (var step in SolutionModel.Steps())
                {
                    var type = SolutionModel.PackageIndex.Find(step.ExportKey);
                    Assert.That(type, Is.Not.Null, $"{Describe(step)}: <PluginTypeExportKey> names no class of the package's net462 assemblies");
                    Assert.That(step.Name, Does.StartWith(type?.TypeFullName + ": "), $"{Describe(step)}: the key resolves to {type?.TypeFullName}");
                }
            });
        }

        [Test]
        public void Custom_api_plugins_have_no_step_files()
        {
            var customApis = SolutionModel.CustomApiPlugins().Select(t => t.FullName).ToList();

            Assert.That(customApis, Is.Not.Empty, "expected the Custom API plugin classes to declare MainOperation steps");
            Assert.That(SolutionModel.Steps().Where(s => customApis.Contains(s.TypeName)).Select(s => s.File), Is.Empty,
                "a Custom API's plugin is bound through the customapi record, not through a step");
        }

        [Test]
        public void Steps_use_the_documented_message_ids_and_readable_names()
        {
            Assert.Multiple(() =>
            {
                foreach (var step in SolutionModel.Steps())
                {
                    Assert.That(SolutionModel.Messages.ContainsKey(step.MessageId), Is.True, $"{Describe(step)}: <SdkMessageId> {step.MessageId} is not Create, Update or Delete");
                    Assert.That(step.Name, Is.EqualTo($"{step.TypeName}: {step.Message} of {step.Table}"), $"{step.File}: Name");
                    Assert.That(step.Rank, Is.EqualTo(1), $"{Describe(step)}: <Rank>");
                }
            });
        }

        [Test]
        public void Asynchronous_steps_run_after_the_operation_and_clean_up_their_system_jobs()
        {
            Assert.Multiple(() =>
            {
                foreach (var step in SolutionModel.Steps().Where(s => s.Mode == (int)ExecutionMode.Asynchronous))
                {
                    Assert.That(step.Stage, Is.EqualTo((int)PluginStage.PostOperation), $"{Describe(step)}: an asynchronous step runs in PostOperation only");
                    Assert.That(step.AsyncAutoDelete, Is.True, $"{Describe(step)}: <AsyncAutoDelete> keeps successful system jobs from piling up");
                }
            });
        }

        [Test]
        public void A_create_steps_post_image_is_taken_from_the_new_rows_id_and_an_update_steps_from_its_target()
        {
            var images = SolutionModel.Steps().SelectMany(s => s.Images.Select(i => (Step: s, Image: i))).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(images.Where(x => SolutionModel.Messages[x.Step.MessageId] == MessageNames.Create), Is.Not.Empty, "the account's Create step has a post-image");
                foreach (var (step, image) in images)
                    Assert.That(image.MessageProperty, Is.EqualTo(SolutionModel.Messages[step.MessageId] == MessageNames.Create ? "Id" : "Target"),
                        $"{Describe(step)}: <MessagePropertyName> of image {image.Alias}");
            });
        }
    }
}
