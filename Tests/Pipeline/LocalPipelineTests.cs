using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    internal sealed class PipelineClock : IClock
    {
        public DateTime UtcNow { get; set; } = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
    }

    public partial class LocalPipelineTests
    {
        private static readonly Guid StepA = new("5a000000-0000-0000-0000-00000000000a");
        private static readonly Guid StepB = new("5a000000-0000-0000-0000-00000000000b");
        private static readonly Guid StepC = new("5a000000-0000-0000-0000-00000000000c");
        private static readonly Guid Account = new("ac000000-0000-0000-0000-000000000001");

        // The product's tables and relationships, and the probe's table.
        private static readonly Lazy<OrganisationSchema> Schema = new(() => OrganisationSchema.Build(
            SolutionEntityReader.ReadSolution(RepositoryFolders.Solution).Append(ProbePlugin.TableDefinition),
            SolutionRelationshipReader.ReadSolution(RepositoryFolders.Solution)));

        private TempSolution _solution = null!;
        private PipelineClock _clock = null!;
        private InMemoryOrganizationService _store = null!;

        [SetUp]
        public void SetUp()
        {
            _solution = new TempSolution();
            _clock = new PipelineClock();
            _store = new InMemoryOrganizationService(() => _clock.UtcNow, Schema.Value);
        }

        [TearDown]
        public void TearDown() => _solution.Dispose();

        private LocalPipeline Pipeline() => new(_store, SolutionRegistrations.Load(_solution.Folder), _clock,
            new LocalPipelineOptions { PluginAssemblies = new[] { typeof(ProbePlugin).Assembly }, KeepTraces = true, KeepJobHistory = true });

        private List<Entity> Probes() =>
            _store.RetrieveMultiple(new QueryExpression(ProbePlugin.Table) { ColumnSet = new ColumnSet(true) }).Entities
                .OrderBy(e => e.GetAttributeValue<DateTime>("createdon")).ThenBy(e => e.GetAttributeValue<int>("depth")).ToList();

        private static Entity NewAccount(string name = "Contoso") => new("account", Account) { ["name"] = name, ["telephone1"] = "555" };

        [Test]
        public void A_step_registered_in_the_solution_fires_with_its_message_stage_and_depth()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 40, "log:A");

            Pipeline().Service.Create(NewAccount());

            var probe = Probes().Single();
            Assert.Multiple(() =>
            {
                Assert.That(probe.GetAttributeValue<string>("label"), Is.EqualTo("A"));
                Assert.That(probe.GetAttributeValue<string>("message"), Is.EqualTo("Create"));
                Assert.That(probe.GetAttributeValue<int>("stage"), Is.EqualTo(40));
                Assert.That(probe.GetAttributeValue<int>("depth"), Is.EqualTo(1));
                Assert.That(probe.GetAttributeValue<Guid>("primaryid"), Is.EqualTo(Account));
            });
        }

        [Test]
        public void A_plugin_whose_step_is_missing_from_the_solution_does_not_fire()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "contact", 40, "log:A");

            Pipeline().Service.Create(NewAccount());

            Assert.That(Probes(), Is.Empty, "the only step is registered on contact, not on account");
        }

        [Test]
        public void Steps_run_in_stage_then_rank_order()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 40, "log:post-rank-2", rank: 2);
            _solution.Step(StepB, TempSolution.CreateMessage, "account", 40, "log:post-rank-1", rank: 1);
            _solution.Step(StepC, TempSolution.CreateMessage, "account", 10, "log:prevalidation");
            var pipeline = Pipeline();

            pipeline.Service.Create(NewAccount());

            Assert.That(pipeline.Traces.Where(t => t.Table == "account").Select(t => t.Step.Split('(').Last().TrimEnd(')')),
                Is.EqualTo(new[] { "log:prevalidation", "log:post-rank-1", "log:post-rank-2" }));
        }

        [Test]
        public void An_update_step_fires_only_when_the_target_carries_one_of_its_filtering_attributes()
        {
            _store.Seed(NewAccount());
            _solution.Step(StepA, TempSolution.UpdateMessage, "account", 40, "log:filtered", filteringAttributes: "name,description");
            var pipeline = Pipeline();

            pipeline.Service.Update(new Entity("account", Account) { ["telephone1"] = "556" });
            var afterPhone = Probes().Count;
            pipeline.Service.Update(new Entity("account", Account) { ["name"] = "Contoso Ltd" });

            Assert.Multiple(() =>
            {
                Assert.That(afterPhone, Is.Zero, "telephone1 is not a filtering attribute");
                Assert.That(Probes(), Has.Count.EqualTo(1), "name is");
            });
        }

        [Test]
        public void Images_carry_exactly_their_registered_columns()
        {
            _store.Seed(NewAccount());
            _solution.Step(StepA, TempSolution.UpdateMessage, "account", 40, "log:images", 0, 1, null,
                ("PreImage", 0, "name"), ("PostImage", 1, "name,telephone1"));

            Pipeline().Service.Update(new Entity("account", Account) { ["name"] = "Contoso Ltd" });

            var probe = Probes().Single();
            Assert.Multiple(() =>
            {
                Assert.That(probe.GetAttributeValue<string>("pre"), Is.EqualTo("name"));
                Assert.That(probe.GetAttributeValue<string>("post"), Is.EqualTo("name,telephone1"));
            });
        }

        [Test]
        public void Asynchronous_steps_run_after_the_synchronous_chain_with_the_time_they_were_queued()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 40, "log:sync");
            _solution.Step(StepB, TempSolution.CreateMessage, "account", 40, "log:async", mode: 1);
            var pipeline = Pipeline();
            var queuedAt = _clock.UtcNow;

            pipeline.Service.Create(NewAccount());
            var beforeJobs = Probes().Select(p => p.GetAttributeValue<string>("label")).ToList();
            _clock.UtcNow = queuedAt.AddMinutes(5);
            var ran = pipeline.RunSystemJobs();

            var async = Probes().Single(p => p.GetAttributeValue<string>("label") == "async");
            Assert.Multiple(() =>
            {
                Assert.That(beforeJobs, Is.EqualTo(new[] { "sync" }), "only the synchronous step ran inside the save");
                Assert.That(ran, Is.EqualTo(1));
                Assert.That(async.GetAttributeValue<int>("mode"), Is.EqualTo(1));
                Assert.That(async.GetAttributeValue<DateTime>("operationcreatedon"), Is.EqualTo(queuedAt), "a system job's operation time is when it was queued");
                Assert.That(async.GetAttributeValue<DateTime>("clock"), Is.EqualTo(queuedAt.AddMinutes(5)), "it ran later");
                Assert.That(pipeline.Jobs.Single().Status, Is.EqualTo(SystemJobStatus.Succeeded));
            });
        }

        [Test]
        public void A_preoperation_change_to_the_target_is_what_gets_stored_and_the_callers_entity_is_untouched()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 20, "rename");
            var account = NewAccount("Contoso");

            Pipeline().Service.Create(account);

            Assert.Multiple(() =>
            {
                Assert.That(_store.Retrieve("account", Account, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Contoso (checked)"));
                Assert.That(account.GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
            });
        }

        [Test]
        public void A_synchronous_plugin_error_fails_the_operation_and_a_preoperation_error_stores_nothing()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 20, "throw");
            _solution.Step(StepB, TempSolution.CreateMessage, "account", 40, "log:async", mode: 1);
            var pipeline = Pipeline();

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => pipeline.Service.Create(NewAccount()));

            Assert.Multiple(() =>
            {
                Assert.That(fault!.Detail.Message, Does.Contain("The probe refused this save."));
                Assert.That(fault.Detail.ErrorCode, Is.EqualTo(PipelineFaults.PluginAborted));
                Assert.That(_store.Peek("account", Account, new ColumnSet(true)), Is.Null);
                Assert.That(pipeline.WaitingJobs, Is.Zero, "a failed operation queues no system jobs");
            });
        }

        [Test]
        public void The_request_tag_reaches_shared_variables_and_a_plugins_own_request_runs_as_its_child()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 40, "child");
            _solution.Step(StepB, TempSolution.CreateMessage, "contact", 40, "log:contact");

            Pipeline().Service.Create(NewAccount());

            var probe = Probes().Single();
            Assert.Multiple(() =>
            {
                Assert.That(probe.GetAttributeValue<string>("tag"), Is.EqualTo("probe-tag"));
                Assert.That(probe.GetAttributeValue<int>("depth"), Is.EqualTo(2));
                Assert.That(probe.GetAttributeValue<string>("parent"), Is.EqualTo("Create"));
                Assert.That(probe.GetAttributeValue<int>("parentdepth"), Is.EqualTo(1));
            });
        }

        [Test]
        public void A_synchronous_loop_is_stopped_beyond_depth_eight()
        {
            _store.Seed(NewAccount());
            _solution.Step(StepA, TempSolution.UpdateMessage, "account", 40, "touch", filteringAttributes: "description");
            var pipeline = Pipeline();

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => pipeline.Service.Update(new Entity("account", Account) { ["description"] = "start" }));

            Assert.Multiple(() =>
            {
                Assert.That(fault!.Detail.Message, Does.Contain("depth 9"));
                Assert.That(pipeline.Traces.Max(t => t.Depth), Is.EqualTo(LocalPipeline.MaximumDepth));
            });
        }

        [Test]
        public void An_asynchronous_loop_fails_its_job_and_other_jobs_still_run()
        {
            _store.Seed(NewAccount());
            _solution.Step(StepA, TempSolution.UpdateMessage, "account", 40, "touch", mode: 1, filteringAttributes: "description");
            _solution.Step(StepB, TempSolution.CreateMessage, "contact", 40, "log:other", mode: 1);
            var pipeline = Pipeline();

            pipeline.Service.Update(new Entity("account", Account) { ["description"] = "start" });
            pipeline.Service.Create(new Entity("contact"));
            pipeline.RunSystemJobs();

            var failed = pipeline.FailedJobs.ToList();
            Assert.Multiple(() =>
            {
                Assert.That(failed, Has.Count.EqualTo(1));
                Assert.That(failed.Single().Error, Does.Contain("depth 9"));
                Assert.That(Probes().Select(p => p.GetAttributeValue<string>("label")), Is.EqualTo(new[] { "other" }));
            });
        }

        [Test]
        public void A_custom_api_message_runs_the_plugin_the_solution_names()
        {
            _solution.CustomApi("loy_ProbeApi");

            var response = Pipeline().Service.Execute(new OrganizationRequest("loy_ProbeApi"));

            Assert.That(response.Results["Answer"], Is.EqualTo(42));
        }

        [Test]
        public void A_postoperation_error_on_Create_leaves_neither_the_row_nor_what_plugins_wrote_and_queues_no_job()
        {
            // Dataverse rolls the whole transaction back: the operation's own write and what its plugins wrote inside it.
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 20, "log:pre");
            _solution.Step(StepB, TempSolution.CreateMessage, "account", 40, "throw");
            _solution.Step(StepC, TempSolution.CreateMessage, "account", 40, "log:async", mode: 1);
            var pipeline = Pipeline();

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => pipeline.Service.Create(NewAccount()));

            Assert.Multiple(() =>
            {
                Assert.That(fault!.Detail.ErrorCode, Is.EqualTo(PipelineFaults.PluginAborted));
                Assert.That(_store.Peek("account", Account, new ColumnSet(false)), Is.Null, "the account the operation stored is rolled back");
                Assert.That(Probes(), Is.Empty, "the PreOperation plugin's write is rolled back with it");
                Assert.That(pipeline.WaitingJobs, Is.Zero);
            });
        }

        [Test]
        public void A_postoperation_error_on_Update_gives_the_row_back_its_values()
        {
            _store.Seed(NewAccount());
            _solution.Step(StepA, TempSolution.UpdateMessage, "account", 40, "throw");

            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                Pipeline().Service.Update(new Entity("account", Account) { ["name"] = "Renamed", ["telephone1"] = null, ["description"] = "new" }));

            var account = _store.Retrieve("account", Account, new ColumnSet("name", "telephone1", "description"));
            Assert.That((account.GetAttributeValue<string>("name"), account.GetAttributeValue<string>("telephone1"), account.Contains("description")),
                Is.EqualTo(("Contoso", "555", false)));
        }

        [Test]
        public void What_the_outermost_prevalidation_step_wrote_stays_as_it_ran_before_the_transaction()
        {
            _solution.Step(StepA, TempSolution.CreateMessage, "account", 10, "log:prevalidation");
            _solution.Step(StepB, TempSolution.CreateMessage, "account", 40, "throw");

            Assert.Throws<FaultException<OrganizationServiceFault>>(() => Pipeline().Service.Create(NewAccount()));

            Assert.That((_store.Peek("account", Account, new ColumnSet(false)), Probes().Count), Is.EqualTo(((Entity?)null, 1)));
        }
    }
}
