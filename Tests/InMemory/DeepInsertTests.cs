using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>
    /// A Create whose Target carries rows in RelatedEntities (a deep insert: "Create related table rows in one
    /// operation") stores the Target and each related row linked to it, as one request, all or nothing.
    /// </summary>
    public class DeepInsertTests
    {
        private static readonly Guid Assessment = new("4a000000-0000-0000-0000-000000000001");
        private static readonly Guid FirstTask = new("7a000000-0000-0000-0000-000000000001");
        private static readonly Guid SecondTask = new("7a000000-0000-0000-0000-000000000002");

        private static string PackedSolution => Path.Combine(Solution.SolutionSource.Dist, Solution.SolutionSource.Packed.ZipFileName);

        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc), ProductSchema.Solution);
            _service.Seed(new Entity(AccountSchema.EntityName, Ids.Contoso) { [AccountSchema.Name] = "Contoso" });
        }

        private static Entity AssessmentWithTasks(params Entity[] tasks)
        {
            var assessment = new Entity(HealthAssessmentSchema.EntityName, Assessment)
            {
                [HealthAssessmentSchema.AccountId] = new EntityReference(AccountSchema.EntityName, Ids.Contoso),
                [HealthAssessmentSchema.OverallHealth] = 41,
            };
            assessment.RelatedEntities[new Relationship(HealthAssessmentSchema.FollowUpTasks)] = new EntityCollection(tasks.ToList());
            return assessment;
        }

        private static Entity FollowUp(Guid id, string subject) => new(TaskSchema.EntityName, id) { [ActivitySchema.Subject] = subject };

        private List<Entity> Tasks() =>
            _service.RetrieveMultiple(new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(ActivitySchema.Subject, TaskSchema.HealthAssessmentId) }).Entities
                .OrderBy(t => t.GetAttributeValue<string>(ActivitySchema.Subject)).ToList();

        private bool AssessmentStored() => _service.Peek(HealthAssessmentSchema.EntityName, Assessment, new ColumnSet(false)) != null;

        [Test]
        public void Create_stores_the_target_and_each_related_row_linked_to_it_as_one_request()
        {
            _service.ResetRequestCount();

            var id = _service.Create(AssessmentWithTasks(FollowUp(FirstTask, "Call Contoso"), FollowUp(SecondTask, "Visit Contoso")));

            var tasks = Tasks();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(id, Is.EqualTo(Assessment));
                Assert.That(AssessmentStored(), Is.True);
                Assert.That(tasks.Select(t => t.Id), Is.EqualTo(new[] { FirstTask, SecondTask }));
                Assert.That(tasks.Select(t => t.GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id), Has.All.EqualTo(Assessment),
                    "each task looks up the assessment created with it");
                Assert.That(tasks.Select(t => t.GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.LogicalName), Has.All.EqualTo(HealthAssessmentSchema.EntityName));
            }

            // Counted after the reads above: only the deep insert itself.
            Assert.That(_service.RequestCountsByMessage, Does.ContainKey("Create").WithValue(1), "a deep insert is one Create request");
        }

        [Test]
        public void Execute_of_a_CreateRequest_with_related_rows_is_a_deep_insert_too()
        {
            var response = (CreateResponse)_service.Execute(new CreateRequest { Target = AssessmentWithTasks(FollowUp(FirstTask, "Call Contoso")) });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(response.id, Is.EqualTo(Assessment));
                Assert.That(Tasks().Single().GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id, Is.EqualTo(Assessment));
                Assert.That(_service.RequestCount, Is.EqualTo(2), "the Create and the query that read the task");
            }
        }

        [Test]
        public void A_related_row_whose_id_exists_fails_the_whole_request_and_leaves_nothing()
        {
            _service.Seed(FollowUp(SecondTask, "Already there"));

            var fault = Faults.Of(() => _service.Create(AssessmentWithTasks(FollowUp(FirstTask, "Call Contoso"), FollowUp(SecondTask, "Visit Contoso"))));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecord));
                Assert.That(fault.Message, Does.Contain(SecondTask.ToString()));
                Assert.That(AssessmentStored(), Is.False, "the assessment created before the failing task is undone");
                Assert.That(Tasks().Select(t => t.GetAttributeValue<string>(ActivitySchema.Subject)), Is.EqualTo(new[] { "Already there" }),
                    "the task created before the failing one is undone; the existing one is untouched");
                Assert.That(_service.Retrieve(TaskSchema.EntityName, SecondTask, new ColumnSet(TaskSchema.HealthAssessmentId)).Contains(TaskSchema.HealthAssessmentId), Is.False);
            }
        }

        [Test]
        public void Two_related_rows_with_the_same_id_fail_the_whole_request()
        {
            var fault = Faults.Of(() => _service.Create(AssessmentWithTasks(FollowUp(FirstTask, "Call Contoso"), FollowUp(FirstTask, "Visit Contoso"))));

            Assert.That((fault.ErrorCode, AssessmentStored(), Tasks().Count), Is.EqualTo((ErrorCodes.DuplicateRecord, false, 0)));
        }

        [Test]
        public void A_relationship_the_organisation_does_not_have_fails_naming_it_and_stores_nothing()
        {
            var assessment = AssessmentWithTasks();
            assessment.RelatedEntities.Clear();
            assessment.RelatedEntities[new Relationship("loy_healthassessment_task_nosuchlookup")] = new EntityCollection(new List<Entity> { FollowUp(FirstTask, "Call") });

            var fault = Faults.Of(() => _service.Create(assessment));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(fault.Message, Does.Contain("'loy_healthassessment_task_nosuchlookup'").And.Contain("not a one-to-many relationship"));
                Assert.That((AssessmentStored(), Tasks().Count), Is.EqualTo((false, 0)));
            }
        }

        [Test]
        public void A_relationship_of_another_table_fails_naming_both_tables()
        {
            var account = new Entity(AccountSchema.EntityName, Ids.Fabrikam) { [AccountSchema.Name] = "Fabrikam" };
            account.RelatedEntities[new Relationship(HealthAssessmentSchema.FollowUpTasks)] = new EntityCollection(new List<Entity> { FollowUp(FirstTask, "Call") });

            var fault = Faults.Of(() => _service.Create(account));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(fault.Message, Does.Contain(HealthAssessmentSchema.FollowUpTasks).And.Contain("not to a 'account'"));
                Assert.That(_service.Peek(AccountSchema.EntityName, Ids.Fabrikam, new ColumnSet(false)), Is.Null);
            }
        }

        [Test]
        public void A_related_row_of_the_wrong_table_fails()
        {
            var fault = Faults.Of(() => _service.Create(AssessmentWithTasks(new Entity(ActivitySchema.Email, FirstTask) { [ActivitySchema.Subject] = "Mail" })));

            Assert.That((fault.ErrorCode, fault.Message.Contains("not 'email'"), AssessmentStored()), Is.EqualTo((ErrorCodes.InvalidArgument, true, false)));
        }

        [Test]
        public void The_schema_read_from_the_packed_solution_knows_the_relationship_too()
        {
            var packed = new InMemoryOrganizationService(() => new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc), OrganisationSchema.FromSolution(PackedSolution));

            packed.Create(AssessmentWithTasks(FollowUp(FirstTask, "Call Contoso")));

            var task = packed.Retrieve(TaskSchema.EntityName, FirstTask, new ColumnSet(TaskSchema.HealthAssessmentId));
            Assert.That(task.GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id, Is.EqualTo(Assessment));
        }

        [Test]
        public void Both_layouts_of_the_solution_give_the_same_relationships()
        {
            var unpacked = SolutionRelationshipReader.ReadSolution(RepositoryPaths.Solution);
            var packed = SolutionRelationshipReader.ReadSolution(PackedSolution);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(packed, Is.EquivalentTo(unpacked));
                Assert.That(unpacked, Does.Contain(new SolutionRelationship(HealthAssessmentSchema.FollowUpTasks, HealthAssessmentSchema.EntityName, TaskSchema.EntityName, TaskSchema.HealthAssessmentId)));
            }
        }

        [Test]
        public void An_update_and_a_delete_inside_a_failed_transaction_are_undone()
        {
            _service.Seed(FollowUp(FirstTask, "Call Contoso"));

            Assert.Throws<InvalidOperationException>(() => _service.InTransaction<int>(() =>
            {
                _service.Update(new Entity(AccountSchema.EntityName, Ids.Contoso) { [AccountSchema.Name] = "Renamed", [AccountSchema.OverallHealth] = 12 });
                _service.Delete(TaskSchema.EntityName, FirstTask);
                throw new InvalidOperationException("the operation fails after its writes");
            }));

            var account = _service.Retrieve(AccountSchema.EntityName, Ids.Contoso, new ColumnSet(AccountSchema.Name, AccountSchema.OverallHealth));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.GetAttributeValue<string>(AccountSchema.Name), Is.EqualTo("Contoso"));
                Assert.That(account.Contains(AccountSchema.OverallHealth), Is.False, "a column the update added is gone again");
                Assert.That(Tasks().Select(t => t.Id), Is.EqualTo(new[] { FirstTask }), "the deleted task is back, and found by query");
            }
        }

        [Test]
        public void A_write_slipped_in_before_a_request_is_another_users_and_survives_the_rollback()
        {
            _service.RunOnceBefore("Update", _ => _service.Update(new Entity(AccountSchema.EntityName, Ids.Contoso) { [AccountSchema.Name] = "Concurrent" }));

            Assert.Throws<InvalidOperationException>(() => _service.InTransaction<int>(() =>
            {
                _service.Update(new Entity(AccountSchema.EntityName, Ids.Contoso) { [AccountSchema.OverallHealth] = 12 });
                throw new InvalidOperationException("fails");
            }));

            var account = _service.Retrieve(AccountSchema.EntityName, Ids.Contoso, new ColumnSet(AccountSchema.Name, AccountSchema.OverallHealth));
            Assert.That((account.GetAttributeValue<string>(AccountSchema.Name), account.Contains(AccountSchema.OverallHealth)), Is.EqualTo(("Concurrent", false)));
        }
    }
}
