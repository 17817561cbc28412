using System;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class ExecuteTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        [Test]
        public void The_CRUD_requests_run_through_Execute_and_answer_with_their_typed_responses()
        {
            var created = (CreateResponse)_service.Execute(new CreateRequest { Target = new Entity("account", Ids.Contoso) { ["name"] = "Contoso" } });
            var updated = _service.Execute(new UpdateRequest { Target = new Entity("account", Ids.Contoso) { ["name"] = "Contoso Ltd" } });
            var retrieved = (RetrieveResponse)_service.Execute(new RetrieveRequest { Target = new EntityReference("account", Ids.Contoso), ColumnSet = new ColumnSet("name") });
            var found = (RetrieveMultipleResponse)_service.Execute(new RetrieveMultipleRequest { Query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") } });
            var deleted = _service.Execute(new DeleteRequest { Target = new EntityReference("account", Ids.Contoso) });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(created.id, Is.EqualTo(Ids.Contoso));
                Assert.That(updated, Is.TypeOf<UpdateResponse>());
                Assert.That(retrieved.Entity.GetAttributeValue<string>("name"), Is.EqualTo("Contoso Ltd"));
                Assert.That(found.EntityCollection.Entities, Has.Count.EqualTo(1), "one account before the delete");
                Assert.That(deleted, Is.TypeOf<DeleteResponse>());
                Assert.That(deleted.ResponseName, Is.EqualTo("Delete"));
            }
        }

        [Test]
        public void An_untyped_request_with_a_known_name_is_served_like_the_typed_one()
        {
            var request = new OrganizationRequest("Create");
            request["Target"] = new Entity("account", Ids.Contoso);

            var response = _service.Execute(request);

            Assert.That(response["id"], Is.EqualTo(Ids.Contoso));
        }

        [Test]
        public void A_registered_handler_serves_its_custom_message_and_may_call_back_into_the_service()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["name"] = "Contoso" });
            _service.RegisterMessageHandler("loy_Recalculate", request =>
            {
                var target = (EntityReference)request["Target"];
                _service.Update(new Entity(target.LogicalName, target.Id) { ["loy_score"] = 80 });
                var response = new OrganizationResponse { ResponseName = "loy_Recalculate" };
                response["Score"] = 80;
                return response;
            });

            var answer = _service.Execute(new OrganizationRequest("loy_Recalculate") { ["Target"] = new EntityReference("account", Ids.Contoso) });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(answer["Score"], Is.EqualTo(80));
                Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("loy_score")).GetAttributeValue<int>("loy_score"), Is.EqualTo(80));
            }
        }

        [Test]
        public void An_unknown_message_is_a_fault_naming_the_message()
        {
            var fault = Faults.Of(() => _service.Execute(new OrganizationRequest("loy_Unknown")));

            Assert.That(fault.Message, Does.Contain("loy_Unknown"));
        }

        [Test]
        public void A_built_in_message_cannot_be_replaced_by_a_handler()
        {
            Assert.Throws<ArgumentException>(() => _service.RegisterMessageHandler("Create", r => new OrganizationResponse()));
        }

        [Test]
        public void Registering_a_second_handler_for_one_message_is_refused()
        {
            _service.RegisterMessageHandler("loy_Recalculate", r => new OrganizationResponse());

            Assert.Throws<InvalidOperationException>(() => _service.RegisterMessageHandler("loy_Recalculate", r => new OrganizationResponse()));
        }

        [Test]
        public void A_missing_parameter_is_a_fault_naming_it()
        {
            var fault = Faults.Of(() => _service.Execute(new OrganizationRequest("Retrieve") { ["Target"] = new EntityReference("account", Ids.Contoso) }));

            Assert.That(fault.Message, Does.Contain("'ColumnSet'"));
        }
    }
}
