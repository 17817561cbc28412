using System;
using System.ServiceModel;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Moq;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>Failures Dataverse can answer with, injected through a mock over the in-memory data.</summary>
    public class InjectedFailureTests
    {
        private InMemoryOrganizationService _data = null!;
        private Mock<IOrganizationService> _service = null!;
        private Mock<ITracingService> _trace = null!;

        [SetUp]
        public void SetUp()
        {
            _data = new InMemoryOrganizationService(() => PluginHarness.Now, ProductSchema.Solution);
            _data.RegisterActivityTable(ActivitySchema.ValueReport);
            _data.RegisterActivityTable(ActivitySchema.Perk);
            _data.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-3)), Rows.Contact(1, PluginIds.AccountA));
            _service = new Mock<IOrganizationService>(MockBehavior.Strict);
            _service.Setup(s => s.Retrieve(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<ColumnSet>()))
                .Returns((string table, Guid id, ColumnSet columns) => _data.Retrieve(table, id, columns));
            _service.Setup(s => s.RetrieveMultiple(It.IsAny<QueryBase>())).Returns((QueryBase query) => _data.RetrieveMultiple(query));
            _trace = new Mock<ITracingService>();
        }

        private static FaultException<OrganizationServiceFault> Fault(int code, string message) =>
            new(new OrganizationServiceFault { ErrorCode = code, Message = message }, new FaultReason(message));

        private void Run()
        {
            var context = new PluginExecutionContext
            {
                MessageName = MessageNames.Create,
                PrimaryEntityName = AccountSchema.EntityName,
                PrimaryEntityId = PluginIds.AccountA,
                Stage = (int)PluginStage.PostOperation,
                Mode = (int)ExecutionMode.Asynchronous,
                OperationCreatedOn = PluginHarness.Now,
                CorrelationId = new Guid("c0000000-0000-0000-0000-0000000000cc"),
            };
            context.InputParameters[ContextKeys.Target] = new Entity(AccountSchema.EntityName, PluginIds.AccountA);
            new RecalculateOnAccountChange().Execute(new PluginServiceProvider(context, _service.Object, _trace.Object).With<IClock>(new TestPluginClock(PluginHarness.Now)));
        }

        [Test]
        public void A_write_that_keeps_conflicting_gives_up_after_three_attempts_with_a_clear_error()
        {
            _service.Setup(s => s.Execute(It.IsAny<UpdateRequest>())).Throws(Fault(unchecked((int)0x80060882), "The version of the existing record doesn't match the RowVersion property provided."));

            var error = Assert.Throws<InvalidPluginExecutionException>(Run);

            Assert.Multiple(() =>
            {
                Assert.That(error!.Message, Does.StartWith("RecalculateOnAccountChange: Dataverse refused a request: The version of the existing record"));
                _service.Verify(s => s.Execute(It.IsAny<UpdateRequest>()), Times.Exactly(AccountHealthRecalculator.MaximumAttempts));
            });
        }

        [Test]
        public void Any_other_fault_is_not_retried_and_reaches_the_user_as_a_plugin_error()
        {
            _service.Setup(s => s.Execute(It.IsAny<UpdateRequest>())).Throws(Fault(unchecked((int)0x80040220), "Principal user is missing prvWriteAccount privilege."));

            var error = Assert.Throws<InvalidPluginExecutionException>(Run);

            Assert.Multiple(() =>
            {
                Assert.That(error!.Message, Is.EqualTo("RecalculateOnAccountChange: Dataverse refused a request: Principal user is missing prvWriteAccount privilege."));
                _service.Verify(s => s.Execute(It.IsAny<UpdateRequest>()), Times.Once);
            });
        }

        [Test]
        public void Every_trace_line_carries_the_time_since_the_previous_one()
        {
            _service.Setup(s => s.Execute(It.IsAny<UpdateRequest>())).Returns(new UpdateResponse());

            Run();

            _trace.Verify(t => t.Trace("[+{0}ms] {1}", It.IsAny<object[]>()), Times.AtLeast(4));
            _trace.Verify(t => t.Trace(It.Is<string>(f => !f.StartsWith("[+", StringComparison.Ordinal)), It.IsAny<object[]>()), Times.Never);
        }
    }
}
