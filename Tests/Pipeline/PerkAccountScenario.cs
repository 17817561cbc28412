using System;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// The product run locally from the unpacked source or from the zip in dist/, and the doughnut customer of the
    /// brief created through it: three years old, one contact, a monthly perk and nothing else (scored At risk and
    /// perk-dependent once the system jobs run).
    /// </summary>
    internal sealed class PerkAccountScenario
    {
        private readonly ProductOrganisation _organisation;

        public PerkAccountScenario(string source)
        {
            _organisation = new ProductOrganisation(source);
        }

        public PipelineClock Clock => _organisation.Clock;
        public InMemoryOrganizationService Store => _organisation.Store;
        public LocalPipeline Pipeline => _organisation.Pipeline;

        /// <summary>Creates the account, its contact and twelve monthly perks as a user would; the system jobs are left waiting.</summary>
        public void Create(Guid accountId, Guid contactId)
        {
            var user = Pipeline.Service;
            var account = new EntityReference(AccountSchema.EntityName, accountId);
            user.Create(new Entity(AccountSchema.EntityName, accountId)
            {
                [AccountSchema.Name] = "Harbour Bakery Supplies",
                ["overriddencreatedon"] = Clock.UtcNow.AddYears(-3),
                [AccountSchema.OwnerId] = new EntityReference("systemuser", new Guid("00000000-0000-0000-0000-0000000000a1")),
            });
            user.Create(new Entity(ContactSchema.EntityName, contactId) { [ContactSchema.ParentCustomerId] = account, [ContactSchema.Department] = "Purchasing" });
            var prefix = accountId.ToString("N").Substring(28, 4);
            for (var month = 1; month <= 12; month++)
            {
                user.Create(new Entity(PerkSchema.EntityName, new Guid($"{prefix}0000-0000-0000-0000-{month:D12}"))
                {
                    [ActivitySchema.Subject] = "Doughnut delivery",
                    [ActivitySchema.RegardingObjectId] = account,
                    [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted),
                    [ActivitySchema.ActualEnd] = Clock.UtcNow.AddDays(-30 * month + 5),
                    [PerkSchema.Cost] = new Money(45m),
                    ["to"] = new EntityCollection(new[] { new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference(ContactSchema.EntityName, contactId) } }),
                });
            }
        }
    }
}
