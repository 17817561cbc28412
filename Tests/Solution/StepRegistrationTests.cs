using System;
using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The solution's step files and the steps the plugin classes declare in code are the same steps.</summary>
    public class StepRegistrationTests
    {
        private static string Describe(StepFile s) => $"{s.File} ({s.Name})";

        [Test]
        public void Every_step_file_matches_a_step_its_plugin_declares()
        {
            var declared = SolutionModel.Declared();
            Assert.Multiple(() =>
            {
                foreach (var file in SolutionModel.Steps())
                {
                    var plugin = declared.Where(d => d.Plugin.FullName == file.TypeName).ToList();
                    Assert.That(plugin, Is.Not.Empty, $"{Describe(file)} names plugin type {file.TypeName}, which is not a plugin class of LoyaltyHealth.Plugins");
                    var match = plugin.Where(d => d.Step.Message == file.Message && d.Step.Table == file.Table && (int)d.Step.Stage == file.Stage).ToList();
                    Assert.That(match, Has.Count.EqualTo(1),
                        $"{Describe(file)}: {file.TypeName} declares no step for {file.Message} of {file.Table} in stage {file.Stage}");
                    if (match.Count != 1) continue;
                    var step = match[0].Step;
                    Assert.That(file.Mode, Is.EqualTo((int)step.Mode), $"{Describe(file)}: <Mode>");
                    Assert.That(file.Filtering, Is.EqualTo(step.FilteringAttributes), $"{Describe(file)}: <FilteringAttributes>");
                    Assert.That(file.Images.Select(i => i.Alias), Is.EquivalentTo(step.Images.Select(i => i.Alias)), $"{Describe(file)}: image aliases");
                    foreach (var image in step.Images)
                    {
                        var written = file.Images.FirstOrDefault(i => i.Alias == image.Alias);
                        if (written is null) continue;
                        Assert.That(written.Type, Is.EqualTo((int)image.Type), $"{Describe(file)}: <ImageType> of image {image.Alias}");
                        Assert.That(written.Columns, Is.EqualTo(image.Columns), $"{Describe(file)}: <Attributes> of image {image.Alias}");
                        Assert.That(written.MessageProperty, Is.EqualTo(ContextKeys.Target), $"{Describe(file)}: <MessagePropertyName> of image {image.Alias}");
                    }
                }
            });
        }

        [Test]
        public void Every_declared_step_has_exactly_one_step_file()
        {
            var files = SolutionModel.Steps();
            var customApis = SolutionModel.CustomApiPlugins();
            Assert.Multiple(() =>
            {
                foreach (var (plugin, step) in SolutionModel.Declared().Where(d => !customApis.Contains(d.Plugin)))
                {
                    var matching = files.Where(f => f.TypeName == plugin.FullName && f.Message == step.Message && f.Table == step.Table && f.Stage == (int)step.Stage).ToList();
                    Assert.That(matching.Select(f => f.File).ToList(), Has.Count.EqualTo(1),
                        $"{plugin.Name} declares {step} but solution/SdkMessageProcessingSteps/ has {matching.Count} step files for it");
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
        public void Every_step_names_its_plugin_type_by_the_id_and_name_the_assembly_record_gives_it()
        {
            var types = SolutionModel.PluginTypes();
            Assert.Multiple(() =>
            {
                foreach (var step in SolutionModel.Steps())
                {
                    var type = types.SingleOrDefault(t => t.Id == step.PluginTypeId);
                    Assert.That(type, Is.Not.Null, $"{Describe(step)}: <PluginTypeId> {step.PluginTypeId} is no PluginType in {SolutionModel.AssemblyDataFile}");
                    Assert.That(step.PluginTypeName, Is.EqualTo(type?.AssemblyQualifiedName), $"{Describe(step)}: <PluginTypeName> differs from the PluginType record");
                }
            });
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
        public void Every_plugin_class_has_a_plugin_type_record_and_every_record_a_class()
        {
            var classes = SolutionModel.PluginClasses().Select(t => t.FullName!).ToList();
            var records = SolutionModel.PluginTypes().Select(t => t.Name).ToList();

            Assert.That(records, Is.EquivalentTo(classes), $"{SolutionModel.AssemblyDataFile}: <PluginTypes> must list exactly the PluginBase classes of LoyaltyHealth.Plugins");
        }
    }
}
