using System;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>Fixed ids for the plugin tests.</summary>
    internal static class PluginIds
    {
        public static readonly Guid AccountA = new("a1000000-0000-0000-0000-00000000000a");
        public static readonly Guid AccountB = new("a1000000-0000-0000-0000-00000000000b");
        public static readonly Guid Owner = new("05000000-0000-0000-0000-000000000001");
        public static Guid Contact(int n) => new($"c1000000-0000-0000-0000-{n:D12}");
        public static Guid Activity(int n) => new($"e1000000-0000-0000-0000-{n:D12}");
        public static readonly Guid Opportunity = new("0b000000-0000-0000-0000-000000000001");
        public static readonly Guid PolicyDefinition = new("ee000000-0000-0000-0000-000000000001");
        public static readonly Guid PolicyValue = new("ee000000-0000-0000-0000-000000000002");
    }

    /// <summary>Dataverse rows with valid defaults, one builder per table.</summary>
    internal static class Rows
    {
        public static Entity Account(Guid id, DateTime createdOn, string name = "Contoso") => new(AccountSchema.EntityName, id)
        {
            [AccountSchema.Name] = name,
            [AccountSchema.CreatedOn] = createdOn,
            [AccountSchema.OwnerId] = new EntityReference("systemuser", PluginIds.Owner),
            [AccountSchema.StateCode] = new OptionSetValue(0),
        };

        public static Entity WithAgreement(this Entity account, int cadence, int? channel)
        {
            account[AccountSchema.ServiceCadence] = new OptionSetValue(cadence);
            if (channel is { } c) account[AccountSchema.PreferredChannel] = new OptionSetValue(c);
            return account;
        }

        public static Entity WithGoals(this Entity account, string goals, DateTime reviewedOn)
        {
            account[AccountSchema.CustomerGoals] = goals;
            account[AccountSchema.GoalsReviewedOn] = reviewedOn;
            return account;
        }

        public static Entity Contact(int n, Guid accountId, string? department = "Finance", int? role = ContactSchema.RoleDecisionMaker, int state = 0)
        {
            var contact = new Entity(ContactSchema.EntityName, PluginIds.Contact(n))
            {
                [ContactSchema.ParentCustomerId] = new EntityReference(AccountSchema.EntityName, accountId),
                ["fullname"] = "Contact " + n,
                [ContactSchema.StateCode] = new OptionSetValue(state),
            };
            if (department is not null) contact[ContactSchema.Department] = department;
            if (role is not null) contact[ContactSchema.AccountRoleCode] = new OptionSetValue(role.Value);
            return contact;
        }

        public static EntityReference Ref(string table, Guid id) => new(table, id);

        private static EntityCollection Parties(params Guid[] contacts) =>
            new(contacts.Select(c => new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference(ContactSchema.EntityName, c) }).ToList());

        private static Entity Activity(string table, int n, EntityReference regarding, DateTime? completedOn, string subject, int state = ActivitySchema.StateCompleted)
        {
            var row = new Entity(table, PluginIds.Activity(n))
            {
                [ActivitySchema.Subject] = subject,
                [ActivitySchema.RegardingObjectId] = regarding,
                [ActivitySchema.StateCode] = new OptionSetValue(state),
            };
            if (completedOn is { } on) row[ActivitySchema.ActualEnd] = on;
            return row;
        }

        public static Entity Email(int n, EntityReference regarding, DateTime? on, bool outgoing, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Email, n, regarding, on, "Re: next steps");
            row[ActivitySchema.DirectionCode] = outgoing;
            row[outgoing ? "to" : "from"] = Parties(contacts);
            return row;
        }

        public static Entity Meeting(int n, EntityReference regarding, DateTime? on, string subject, int? channel, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Appointment, n, regarding, on, subject);
            if (channel is { } c) row[ActivitySchema.Channel] = new OptionSetValue(c);
            row["requiredattendees"] = Parties(contacts);
            return row;
        }

        public static Entity PhoneCall(int n, EntityReference regarding, DateTime? on, bool outgoing, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.PhoneCall, n, regarding, on, "Service call");
            row[ActivitySchema.DirectionCode] = outgoing;
            row[outgoing ? "to" : "from"] = Parties(contacts);
            return row;
        }

        public static Entity ValueReport(int n, EntityReference regarding, DateTime? on, decimal? amount, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.ValueReport, n, regarding, on, "Quarterly value report");
            if (amount is { } a) row[ValueReportSchema.ValueAmount] = new Money(a);
            row["to"] = Parties(contacts);
            return row;
        }

        public static Entity Perk(int n, EntityReference regarding, DateTime? on, string subject, decimal cost, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Perk, n, regarding, on, subject);
            row[PerkSchema.Cost] = new Money(cost);
            row["to"] = Parties(contacts);
            return row;
        }

        public static Entity PolicyDefinition(string? defaultValue = null)
        {
            var row = new Entity(EnvironmentVariableSchema.DefinitionEntityName, PluginIds.PolicyDefinition)
            {
                [EnvironmentVariableSchema.SchemaName] = EnvironmentVariableSchema.PolicySchemaName,
            };
            if (defaultValue is not null) row[EnvironmentVariableSchema.DefaultValue] = defaultValue;
            return row;
        }

        public static Entity PolicyValue(string value) => new(EnvironmentVariableSchema.ValueEntityName, PluginIds.PolicyValue)
        {
            [EnvironmentVariableSchema.DefinitionLookup] = new EntityReference(EnvironmentVariableSchema.DefinitionEntityName, PluginIds.PolicyDefinition),
            [EnvironmentVariableSchema.Value] = value,
        };
    }
}
