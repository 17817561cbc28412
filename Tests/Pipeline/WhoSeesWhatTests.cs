using System;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// Who sees what, through the plugins as the solution registers them: history rows belong to their
    /// account's owner, and the on-demand recalculation answers only callers who may read the account. The
    /// in-memory organisation has no security model beyond the read rules declared here
    /// (<see cref="InMemoryOrganizationService.DenyRead"/>).
    /// </summary>
    public class WhoSeesWhatTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000005e1");
        private static readonly Guid Missing = new("ac000000-0000-0000-0000-0000000005e2");
        private static readonly Guid Owner = new("00000000-0000-0000-0000-0000000000a1");
        private static readonly Guid Seller = new("00000000-0000-0000-0000-0000000000b2");

        private PipelineClock _clock = null!;
        private InMemoryOrganizationService _store = null!;
        private LocalPipeline _pipeline = null!;

        [SetUp]
        public void SetUp()
        {
            var organisation = new ProductOrganisation();
            (_clock, _store, _pipeline) = (organisation.Clock, organisation.Store, organisation.Pipeline);
            _pipeline.Service.Create(new Entity(AccountSchema.EntityName, Account)
            {
                [AccountSchema.Name] = "Harbour Bakery Supplies",
                ["overriddencreatedon"] = _clock.UtcNow.AddYears(-3),
                [AccountSchema.OwnerId] = new EntityReference("systemuser", Owner),
                [AccountSchema.ServiceCadence] = new OptionSetValue(OptionValues.CadenceQuarterly),
            });
            _pipeline.RunSystemJobs();
        }

        private static OrganizationRequest Recalculate(Guid account) =>
            new(CustomApiNames.RecalculateAccount) { ["Target"] = new EntityReference(AccountSchema.EntityName, account) };

        private string Refusal(IOrganizationService caller, Guid account) =>
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => caller.Execute(Recalculate(account)))!.Detail.Message;

        [Test]
        public void The_history_rows_the_system_jobs_write_belong_to_the_accounts_owner()
        {
            var history = _store.RetrieveMultiple(new QueryExpression(HealthAssessmentSchema.EntityName) { ColumnSet = new ColumnSet(true) }).Entities;

            Assert.That(history, Is.Not.Empty, "scoring the new account writes its first history row");
            Assert.That(history.Select(h => h.GetAttributeValue<EntityReference>(HealthAssessmentSchema.OwnerId)?.Id), Has.All.EqualTo(Owner));
        }

        [Test]
        public void The_recalculation_answers_the_owner_and_refuses_a_seller_who_cannot_read_the_account_as_if_it_did_not_exist()
        {
            _store.DenyRead(Seller, AccountSchema.EntityName, Account);

            var answer = _pipeline.ServiceFor(Owner).Execute(Recalculate(Account));
            var refused = Refusal(_pipeline.ServiceFor(Seller), Account);
            var missing = Refusal(_pipeline.ServiceFor(Seller), Missing);

            Assert.Multiple(() =>
            {
                Assert.That(answer.Results[CustomApiNames.BandOutput], Is.Not.Null, "the owner gets the band");
                Assert.That(refused, Is.EqualTo($"Account {Account} does not exist or you do not have permission to read it."));
                Assert.That(missing, Is.EqualTo($"Account {Missing} does not exist or you do not have permission to read it."));
            });
        }

        [Test]
        public void A_declared_read_rule_faults_as_dataverse_does_for_the_user_and_never_for_system()
        {
            _store.DenyRead(Seller, AccountSchema.EntityName, Account);
            _store.DenyRead(Seller, ContactSchema.EntityName, privilege: "prvReadContact");

            var record = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                _pipeline.ServiceFor(Seller).Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.Name)))!.Detail;
            var table = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                _pipeline.ServiceFor(Seller).Retrieve(ContactSchema.EntityName, Guid.NewGuid(), new ColumnSet(true)))!.Detail;

            Assert.Multiple(() =>
            {
                Assert.That(record.ErrorCode, Is.EqualTo(unchecked((int)0x80048306)));
                Assert.That(record.Message, Does.Contain("does not have ReadAccess right(s) for record with ID " + Account));
                Assert.That(table.ErrorCode, Is.EqualTo(unchecked((int)0x80040220)));
                Assert.That(table.Message, Does.Contain("is missing prvReadContact privilege"));
                Assert.That(_pipeline.ServiceFor(Owner).Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.Name)), Is.Not.Null);
                Assert.That(_pipeline.ServiceFor(_pipeline.SystemUserId).Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.Name)), Is.Not.Null);
            });
        }
    }
}
