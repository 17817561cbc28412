using System;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class ConcurrencyTests
    {
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _service.Create(new Entity("account", Ids.Contoso) { ["name"] = "Contoso" });
        }

        [Test]
        public void An_update_with_the_current_row_version_succeeds_when_IfRowVersionMatches_is_asked()
        {
            var read = _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));

            _service.Execute(new UpdateRequest
            {
                Target = new Entity("account", Ids.Contoso) { ["name"] = "Contoso Ltd", RowVersion = read.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });

            Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Contoso Ltd"));
        }

        [Test]
        public void An_update_with_a_stale_row_version_is_the_concurrency_version_mismatch_fault_and_changes_nothing()
        {
            var read = _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Someone else" });

            var fault = Faults.Of(() => _service.Execute(new UpdateRequest
            {
                Target = new Entity("account", Ids.Contoso) { ["name"] = "Mine", RowVersion = read.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ConcurrencyVersionMismatch));
                Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Someone else"));
            }
        }

        [Test]
        public void IfRowVersionMatches_without_a_row_version_is_the_version_not_provided_fault()
        {
            var fault = Faults.Of(() => _service.Execute(new UpdateRequest
            {
                Target = new Entity("account", Ids.Contoso) { ["name"] = "Mine" },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ConcurrencyVersionNotProvided));
        }

        [Test]
        public void A_plain_update_overwrites_whatever_the_row_version()
        {
            _service.Execute(new UpdateRequest { Target = new Entity("account", Ids.Contoso) { ["name"] = "Mine", RowVersion = "1" } });

            Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Mine"));
        }

        [Test]
        public void A_delete_with_a_stale_row_version_is_refused_when_IfRowVersionMatches_is_asked()
        {
            var read = _service.Retrieve("account", Ids.Contoso, new ColumnSet(false));
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Someone else" });

            var fault = Faults.Of(() => _service.Execute(new DeleteRequest
            {
                Target = read.ToEntityReference(),
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ConcurrencyVersionMismatch));
        }

        [Test]
        public void A_write_injected_between_a_read_and_a_guarded_write_makes_the_write_fail()
        {
            var read = _service.Retrieve("account", Ids.Contoso, new ColumnSet("name"));
            _service.RunOnceBefore("Update", _ => _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Concurrent" }));

            var fault = Faults.Of(() => _service.Execute(new UpdateRequest
            {
                Target = new Entity("account", Ids.Contoso) { ["name"] = "Plugin", RowVersion = read.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            }));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ConcurrencyVersionMismatch));
                Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Concurrent"));
            }
        }
    }
}
