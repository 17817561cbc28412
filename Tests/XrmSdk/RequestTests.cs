using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class RequestTests
    {
        [Test]
        public void Typed_requests_carry_their_message_name_and_seed_their_parameters()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(new CreateRequest().RequestName, Is.EqualTo("Create"));
                Assert.That(new CreateRequest().Parameters.Keys, Is.EqualTo(new[] { "Target" }));
                Assert.That(new UpdateRequest().RequestName, Is.EqualTo("Update"));
                Assert.That(new UpdateRequest().Parameters.Keys, Is.EqualTo(new[] { "Target" }));
                Assert.That(new DeleteRequest().RequestName, Is.EqualTo("Delete"));
                Assert.That(new RetrieveRequest().Parameters.Keys, Is.EqualTo(new[] { "Target", "ColumnSet" }));
                Assert.That(new RetrieveMultipleRequest().Parameters.Keys, Is.EqualTo(new[] { "Query" }));
            }
        }

        [Test]
        public void ConcurrencyBehavior_reads_as_Default_until_set_and_is_stored_as_a_parameter()
        {
            var update = new UpdateRequest();
            var before = update.ConcurrencyBehavior;
            update.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(before, Is.EqualTo(ConcurrencyBehavior.Default));
                Assert.That(update["ConcurrencyBehavior"], Is.EqualTo(ConcurrencyBehavior.IfRowVersionMatches));
                Assert.That(new DeleteRequest().ConcurrencyBehavior, Is.EqualTo(ConcurrencyBehavior.Default));
            }
        }

        [Test]
        public void Typed_properties_are_views_over_the_parameters()
        {
            var target = new Entity("account");
            var create = new CreateRequest();
            create["Target"] = target;

            Assert.That(create.Target, Is.SameAs(target));
        }

        [Test]
        public void A_parameter_of_the_wrong_type_is_an_InvalidCastException_from_the_typed_property()
        {
            var create = new CreateRequest();
            create.Parameters["Target"] = 5;

            Assert.Throws<InvalidCastException>(() => _ = create.Target);
        }

        [Test]
        public void A_missing_parameter_throws_KeyNotFoundException_from_the_indexer()
        {
            Assert.Throws<KeyNotFoundException>(() => _ = new OrganizationRequest("loy_Recalculate")["Target"]);
        }

        [Test]
        public void Responses_without_results_read_as_defaults()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(new CreateResponse().id, Is.EqualTo(Guid.Empty));
                Assert.That(new RetrieveResponse().Entity, Is.Null);
                Assert.That(new RetrieveMultipleResponse().EntityCollection, Is.Null);
                Assert.That(new OrganizationResponse().ResponseName, Is.Null);
                Assert.That(new OrganizationResponse().Results, Is.Empty);
            }
        }

        [Test]
        public void A_response_reads_its_typed_result_from_Results()
        {
            var id = new Guid("a0000000-0000-0000-0000-000000000001");
            var response = new CreateResponse();
            response.Results["id"] = id;

            Assert.That(response.id, Is.EqualTo(id));
        }

        [Test]
        public void RetrieveRequest_holds_the_column_set_it_is_given()
        {
            var columns = new ColumnSet("name");

            Assert.That(new RetrieveRequest { ColumnSet = columns }.ColumnSet, Is.SameAs(columns));
        }
    }
}
