using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    public class StepFileReaderTests
    {
        [Test]
        public void A_step_file_in_pac_layout_reads_with_message_table_stage_mode_rank_filters_and_images()
        {
            using var solution = new TempSolution();
            var id = new Guid("5b000000-0000-0000-0000-000000000001");
            solution.Step(id, TempSolution.UpdateMessage, "account", 40, "log:x", mode: 1, rank: 3, filteringAttributes: "name, telephone1",
                ("PreImage", 0, "name"));

            var step = SolutionRegistrations.Load(solution.Folder).Steps.Single();

            Assert.Multiple(() =>
            {
                Assert.That(step.Id, Is.EqualTo(id));
                Assert.That(step.PluginTypeName, Is.EqualTo(typeof(ProbePlugin).FullName));
                Assert.That(step.Message, Is.EqualTo("Update"));
                Assert.That(step.PrimaryEntity, Is.EqualTo("account"));
                Assert.That((step.Stage, step.Mode, step.Rank), Is.EqualTo((40, 1, 3)));
                Assert.That(step.FilteringAttributes, Is.EquivalentTo(new[] { "name", "telephone1" }));
                Assert.That(step.Images.Single().Columns, Is.EquivalentTo(new[] { "name" }));
                Assert.That(step.UnsecureConfiguration, Is.EqualTo("log:x"));
            });
        }

        [Test]
        public void An_asynchronous_step_outside_postoperation_is_rejected_naming_its_file()
        {
            using var solution = new TempSolution();
            solution.Step(new Guid("5b000000-0000-0000-0000-000000000002"), TempSolution.CreateMessage, "account", 20, "log:x", mode: 1);

            var error = Assert.Throws<SolutionFormatException>(() => SolutionRegistrations.Load(solution.Folder));

            Assert.That(error!.Message, Does.Contain("{5b000000-0000-0000-0000-000000000002}.xml").And.Contain("PostOperation"));
        }

        [Test]
        public void Every_step_and_custom_api_of_the_product_solution_names_a_plugin_type_the_plugin_assembly_has()
        {
            var registrations = SolutionRegistrations.Load(RepositoryFolders.Solution);
            var pipeline = new LocalPipeline(new LoyaltyHealth.InMemory.InMemoryOrganizationService(), registrations, new PipelineClock());

            Assert.Multiple(() =>
            {
                Assert.That(registrations.Steps, Is.Not.Empty);
                Assert.That(pipeline.MissingPluginTypes(), Is.Empty);
            });
        }
    }

    /// <summary>Folders of this repository, found from the test's output folder.</summary>
    internal static class RepositoryFolders
    {
        public static string Root => RepositoryPaths.Root;

        public static string Solution => RepositoryPaths.Solution;
    }
}
