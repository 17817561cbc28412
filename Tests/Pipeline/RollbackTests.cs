using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// A step that fails after the operation wrote (synchronous PostOperation) fails the operation, and Dataverse
    /// rolls its whole transaction back: the operation's own write and everything its plugins wrote inside it.
    /// PreValidation of the outermost operation runs before the transaction, so its writes stay.
    /// </summary>
    public class RollbackTests
    {
        private static readonly Guid LogStep = new("5e000000-0000-0000-0000-000000000001");
        private static readonly Guid ThrowStep = new("5e000000-0000-0000-0000-000000000002");
        private static readonly Guid AsyncStep = new("5e000000-0000-0000-0000-000000000003");
        private static readonly Guid Account = new("ac000000-0000-0000-0000-000000000001");

        private static readonly Lazy<OrganisationSchema> Schema = new(() =>
            OrganisationSchema.Build(SolutionEntityReader.ReadSolution(RepositoryFolders.Solution).Append(ProbePlugin.TableDefinition)));

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
            new LocalPipelineOptions { PluginAssemblies = new[] { typeof(ProbePlugin).Assembly } });

        private int ProbeRows() => _store.RetrieveMultiple(new QueryExpression(ProbePlugin.Table) { ColumnSet = new ColumnSet(false) }).Entities.Count;

        [Test]
        public void A_postoperation_error_on_Create_leaves_neither_the_row_nor_what_plugins_wrote_and_queues_no_job()
        {
            _solution.Step(LogStep, TempSolution.CreateMessage, "account", 20, "log:pre", rank: 1);
            _solution.Step(ThrowStep, TempSolution.CreateMessage, "account", 40, "throw", rank: 2);
            _solution.Step(AsyncStep, TempSolution.CreateMessage, "account", 40, "log:async", mode: 1);
            var pipeline = Pipeline();

            var fault = LoyaltyHealth.Tests.InMemory.Faults.Of(() => pipeline.Service.Create(new Entity("account", Account) { ["name"] = "Contoso" }));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(PipelineFaults.PluginAborted));
                Assert.That(_store.Peek("account", Account, new ColumnSet(false)), Is.Null, "the account the operation stored is rolled back");
                Assert.That(ProbeRows(), Is.Zero, "the PreOperation plugin's write is rolled back with it");
                Assert.That(pipeline.WaitingJobs, Is.Zero);
            }
        }

        [Test]
        public void A_postoperation_error_on_Update_gives_the_row_back_its_values()
        {
            _store.Seed(new Entity("account", Account) { ["name"] = "Contoso", ["telephone1"] = "555" });
            _solution.Step(ThrowStep, TempSolution.UpdateMessage, "account", 40, "throw");

            Assert.That(LoyaltyHealth.Tests.InMemory.Faults.Of(() => Pipeline().Service.Update(new Entity("account", Account) { ["name"] = "Renamed", ["telephone1"] = null, ["description"] = "new" })).ErrorCode,
                Is.EqualTo(PipelineFaults.PluginAborted));

            var account = _store.Retrieve("account", Account, new ColumnSet("name", "telephone1", "description"));
            Assert.That((account.GetAttributeValue<string>("name"), account.GetAttributeValue<string>("telephone1"), account.Contains("description")),
                Is.EqualTo(("Contoso", "555", false)));
        }

        [Test]
        public void What_the_outermost_prevalidation_step_wrote_stays_as_it_ran_before_the_transaction()
        {
            _solution.Step(LogStep, TempSolution.CreateMessage, "account", 10, "log:prevalidation");
            _solution.Step(ThrowStep, TempSolution.CreateMessage, "account", 40, "throw");

            LoyaltyHealth.Tests.InMemory.Faults.Of(() => Pipeline().Service.Create(new Entity("account", Account) { ["name"] = "Contoso" }));

            Assert.That((_store.Peek("account", Account, new ColumnSet(false)), ProbeRows()), Is.EqualTo(((Entity?)null, 1)));
        }
    }
}
