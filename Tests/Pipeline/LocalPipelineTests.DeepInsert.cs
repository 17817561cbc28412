using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// A deep insert through the local pipeline: Dataverse fires the Create message for each row of it, so each
    /// related row runs its own steps, inside the Target's operation (its parent, one level deeper); the whole
    /// request stays one request and stays all or nothing, jobs included.
    /// </summary>
    public partial class LocalPipelineTests
    {
        private static readonly Guid TaskPre = new("5d000000-0000-0000-0000-000000000001");
        private static readonly Guid TaskPost = new("5d000000-0000-0000-0000-000000000002");
        private static readonly Guid TaskAsync = new("5d000000-0000-0000-0000-000000000003");
        private static readonly Guid AssessmentPost = new("5d000000-0000-0000-0000-000000000004");
        private static readonly Guid AssessmentAsync = new("5d000000-0000-0000-0000-000000000005");
        private static readonly Guid Assessment = new("4a000000-0000-0000-0000-000000000001");
        private static readonly Guid FirstTask = new("7a000000-0000-0000-0000-000000000001");
        private static readonly Guid SecondTask = new("7a000000-0000-0000-0000-000000000002");

        private static Entity AssessmentWithTasks(params Guid[] tasks)
        {
            var assessment = new Entity(HealthAssessmentSchema.EntityName, Assessment)
            {
                [HealthAssessmentSchema.AccountId] = new EntityReference(AccountSchema.EntityName, Account),
            };
            assessment.RelatedEntities[new Relationship(HealthAssessmentSchema.FollowUpTasks)] = new EntityCollection(
                tasks.Select(id => new Entity(TaskSchema.EntityName, id) { [ActivitySchema.Subject] = "Call Contoso" }).ToList());
            return assessment;
        }

        private List<Entity> ProbesLabelled(string label) =>
            _store.RetrieveMultiple(new QueryExpression(ProbePlugin.Table) { ColumnSet = new ColumnSet(true) }).Entities
                .Where(p => p.GetAttributeValue<string>("label") == label).OrderBy(p => p.GetAttributeValue<Guid>("primaryid")).ToList();

        private List<Guid> StoredTasks() =>
            _store.RetrieveMultiple(new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(TaskSchema.HealthAssessmentId) }).Entities
                .Select(t => t.Id).OrderBy(id => id).ToList();

        [Test]
        public void Each_related_row_runs_its_own_Create_steps_inside_the_targets_operation()
        {
            _solution.Step(TaskPre, TempSolution.CreateMessage, TaskSchema.EntityName, 20, "log:task-pre");
            _solution.Step(TaskPost, TempSolution.CreateMessage, TaskSchema.EntityName, 40, "log:task-post");
            _solution.Step(AssessmentPost, TempSolution.CreateMessage, HealthAssessmentSchema.EntityName, 40, "log:assessment-post");

            Pipeline().Service.Create(AssessmentWithTasks(FirstTask, SecondTask));

            var taskPre = ProbesLabelled("task-pre");
            var taskPost = ProbesLabelled("task-post");
            var assessmentPost = ProbesLabelled("assessment-post").Single();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(taskPre.Select(p => p.GetAttributeValue<Guid>("primaryid")), Is.EqualTo(new[] { FirstTask, SecondTask }), "PreOperation of each task");
                Assert.That(taskPost.Select(p => p.GetAttributeValue<Guid>("primaryid")), Is.EqualTo(new[] { FirstTask, SecondTask }), "PostOperation of each task");
                foreach (var probe in taskPre.Concat(taskPost))
                {
                    Assert.That(probe.GetAttributeValue<int>("depth"), Is.EqualTo(2), "one level below the assessment's operation");
                    Assert.That(probe.GetAttributeValue<string>("parent"), Is.EqualTo("Create"));
                    Assert.That(probe.GetAttributeValue<string>("parenttable"), Is.EqualTo(HealthAssessmentSchema.EntityName), "the assessment's Create is the parent");
                    Assert.That(probe.GetAttributeValue<int?>("parentdepth"), Is.EqualTo(1));
                }

                Assert.That(assessmentPost.GetAttributeValue<int>("depth"), Is.EqualTo(1));
                Assert.That(StoredTasks(), Is.EqualTo(new[] { FirstTask, SecondTask }));
                Assert.That(_store.Retrieve(TaskSchema.EntityName, FirstTask, new ColumnSet(TaskSchema.HealthAssessmentId))
                    .GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id, Is.EqualTo(Assessment));
            }
        }

        [Test]
        public void The_deep_insert_counts_as_one_Create_and_the_related_rows_asynchronous_steps_queue()
        {
            _solution.Step(TaskAsync, TempSolution.CreateMessage, TaskSchema.EntityName, 40, "log:task-async", mode: 1);
            var pipeline = Pipeline();
            _store.ResetRequestCount();

            pipeline.Service.Create(AssessmentWithTasks(FirstTask, SecondTask));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(_store.RequestCountsByMessage, Is.EquivalentTo(new Dictionary<string, int> { ["Create"] = 1 }), "one request, though three rows");
                Assert.That(pipeline.WaitingJobs, Is.EqualTo(2), "one job per task");
            }

            pipeline.RunSystemJobs();
            var jobs = ProbesLabelled("task-async");
            Assert.That(jobs.Select(p => (p.GetAttributeValue<Guid>("primaryid"), p.GetAttributeValue<int>("depth"), p.GetAttributeValue<string>("parenttable"))),
                Is.EqualTo(new[] { (FirstTask, 2, HealthAssessmentSchema.EntityName), (SecondTask, 2, HealthAssessmentSchema.EntityName) }));
        }

        [Test]
        public void A_related_row_that_fails_undoes_the_rows_and_plugin_writes_before_it_and_queues_no_job()
        {
            _store.Seed(new Entity(TaskSchema.EntityName, SecondTask) { [ActivitySchema.Subject] = "Already there" });
            _solution.Step(TaskPost, TempSolution.CreateMessage, TaskSchema.EntityName, 40, "log:task-post");
            _solution.Step(TaskAsync, TempSolution.CreateMessage, TaskSchema.EntityName, 40, "log:task-async", mode: 1);
            _solution.Step(AssessmentAsync, TempSolution.CreateMessage, HealthAssessmentSchema.EntityName, 40, "log:assessment-async", mode: 1);
            var pipeline = Pipeline();

            var fault = LoyaltyHealth.Tests.InMemory.Faults.Of(() => pipeline.Service.Create(AssessmentWithTasks(FirstTask, SecondTask)));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecord), "the second task's id exists");
                Assert.That(_store.Peek(HealthAssessmentSchema.EntityName, Assessment, new ColumnSet(false)), Is.Null, "no assessment");
                Assert.That(StoredTasks(), Is.EqualTo(new[] { SecondTask }), "the first task is undone; the existing one stays");
                Assert.That(ProbesLabelled("task-post"), Is.Empty, "what the first task's plugin wrote is undone with it");
                Assert.That(pipeline.WaitingJobs, Is.Zero, "no job the failed request queued survives");
            }
        }

        [Test]
        public void A_related_rows_plugin_that_refuses_fails_the_whole_request()
        {
            _solution.Step(TaskPre, TempSolution.CreateMessage, TaskSchema.EntityName, 20, "throw");
            _solution.Step(AssessmentPost, TempSolution.CreateMessage, HealthAssessmentSchema.EntityName, 20, "log:assessment-pre");

            var fault = LoyaltyHealth.Tests.InMemory.Faults.Of(() => Pipeline().Service.Create(AssessmentWithTasks(FirstTask)));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(PipelineFaults.PluginAborted));
                Assert.That(fault.Message, Does.Contain("The probe refused this save."));
                Assert.That(_store.Peek(HealthAssessmentSchema.EntityName, Assessment, new ColumnSet(false)), Is.Null);
                Assert.That((StoredTasks().Count, ProbesLabelled("assessment-pre").Count), Is.EqualTo((0, 0)), "the assessment's PreOperation write is undone too");
            }
        }

        [Test]
        public void An_unknown_relationship_fails_the_request_before_anything_is_stored()
        {
            _solution.Step(AssessmentPost, TempSolution.CreateMessage, HealthAssessmentSchema.EntityName, 40, "log:assessment-post");
            var assessment = AssessmentWithTasks();
            assessment.RelatedEntities.Clear();
            assessment.RelatedEntities[new Relationship("loy_nosuchrelationship")] = new EntityCollection(new List<Entity> { new(TaskSchema.EntityName, FirstTask) });

            var fault = LoyaltyHealth.Tests.InMemory.Faults.Of(() => Pipeline().Service.Create(assessment));

            Assert.That((fault.ErrorCode, fault.Message.Contains("'loy_nosuchrelationship'"), ProbesLabelled("assessment-post").Count, StoredTasks().Count),
                Is.EqualTo((ErrorCodes.InvalidArgument, true, 0, 0)));
        }

        [Test]
        public void With_the_packed_solution_the_products_task_steps_run_for_a_follow_up_created_with_its_assessment()
        {
            var zip = Path.Combine(Solution.SolutionSource.Dist, Solution.SolutionSource.Packed.ZipFileName);
            var store = new InMemoryOrganizationService(() => _clock.UtcNow, OrganisationSchema.FromSolution(zip));
            store.Seed(new Entity(AccountSchema.EntityName, Account) { [AccountSchema.Name] = "Contoso" });
            var pipeline = new LocalPipeline(store, SolutionRegistrations.Load(zip), _clock, new LocalPipelineOptions { KeepTraces = true });
            var assessment = AssessmentWithTasks(FirstTask);
            assessment.RelatedEntities.Values.Single().Entities[0][ActivitySchema.RegardingObjectId] = new EntityReference(AccountSchema.EntityName, Account);

            pipeline.Service.Create(assessment);
            var queued = pipeline.WaitingJobs;
            pipeline.RunSystemJobs();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(queued, Is.Positive, "the product's asynchronous step on task Create queued for the related task");
                Assert.That(pipeline.FailedJobs.Select(j => j.Error), Is.Empty);
                Assert.That(store.Retrieve(TaskSchema.EntityName, FirstTask, new ColumnSet(TaskSchema.HealthAssessmentId))
                    .GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id, Is.EqualTo(Assessment));
                Assert.That(pipeline.Traces.Where(t => t.Table == TaskSchema.EntityName && t.Message == "Create").Select(t => t.Depth), Is.Not.Empty.And.All.EqualTo(2),
                    "the product's own steps on task Create fired for the related task, one level down");
            }
        }
    }
}
