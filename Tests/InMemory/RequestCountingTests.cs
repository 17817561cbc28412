using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class RequestCountingTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.Seed(new Entity("account", Ids.Contoso) { ["name"] = "Contoso" });
        }

        [Test]
        public void Every_call_counts_once_under_its_message_name()
        {
            _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));
            _service.RetrieveMultiple(new FetchExpression("<fetch><entity name='account'><attribute name='name'/></entity></fetch>"));
            _service.Execute(new RetrieveRequest { Target = new EntityReference("account", Ids.Contoso), ColumnSet = new ColumnSet("name") });
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "x" });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(_service.RequestCount, Is.EqualTo(4), "three reads and one write");
                Assert.That(_service.RequestCountsByMessage, Is.EquivalentTo(new Dictionary<string, int>
                {
                    ["Retrieve"] = 2,
                    ["RetrieveMultiple"] = 1,
                    ["Update"] = 1,
                }));
            }
        }

        [Test]
        public void Failed_and_unknown_requests_are_counted_too()
        {
            Faults.Of(() => _service.Retrieve("account", Ids.Missing, new ColumnSet(true)));
            Faults.Of(() => _service.Execute(new OrganizationRequest("loy_Unknown")));

            Assert.That(_service.RequestCount, Is.EqualTo(2), "a failed Retrieve and an unknown message");
        }

        [Test]
        public void Resetting_starts_the_counts_again_from_zero()
        {
            _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));

            _service.ResetRequestCount();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(_service.RequestCount, Is.Zero);
                Assert.That(_service.RequestCountsByMessage, Is.Empty);
            }
        }

        [Test]
        public void BeforeRequest_sees_each_request_with_its_message_name_before_it_runs()
        {
            var seen = new List<string>();
            _service.BeforeRequest += (sender, e) =>
            {
                // The hook also fires for the Retrieve it makes itself, so it reacts to Update only.
                if (e.MessageName == "Update")
                {
                    seen.Add(e.MessageName + ":" + _service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"));
                }
            };

            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "After" });

            Assert.That(seen, Is.EqualTo(new[] { "Update:Contoso" }), "the hook ran while the old name was still stored");
        }

        [Test]
        public void RunOnceBefore_fires_only_for_the_first_matching_request()
        {
            int runs = 0;
            _service.RunOnceBefore("Update", request =>
            {
                runs++;
                Assert.That(((UpdateRequest)request).Target.Id, Is.EqualTo(Ids.Contoso));
            });

            _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "one" });
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "two" });

            Assert.That(runs, Is.EqualTo(1), "one-shot hook runs exactly once");
        }
    }
}
