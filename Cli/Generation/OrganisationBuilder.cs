using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Generation
{
    /// <summary>
    /// Builds an organisation's records as a seller would have logged them: accounts, their contacts, and
    /// completed activities regarding the account with the contacts who took part. Ids are derived from a
    /// prefix and a counter, so the same story always gives the same file.
    /// </summary>
    public sealed class OrganisationBuilder
    {
        public static readonly EntityReference Owner = new("systemuser", new Guid("00000000-0000-0000-0000-00000000ca11"));

        private readonly int _prefix;
        private readonly Dictionary<string, List<Entity>> _rows = CmtCatalogue.Tables.ToDictionary(t => t.Name, _ => new List<Entity>());
        private long _next;

        /// <param name="recordsBefore">How many records of this prefix were made before (by other builders): the first id follows them.</param>
        public OrganisationBuilder(int prefix = 0x5a0b1e, long recordsBefore = 0)
        {
            _prefix = prefix;
            _next = recordsBefore;
        }

        /// <summary>The id of a prefix's record number <paramref name="counter"/> (from one), as the builders number them.</summary>
        public static Guid IdOf(int prefix, long counter) =>
            new(prefix.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "-0000-0000-0000-"
                + counter.ToString("x12", System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Every record, grouped by table in import order.</summary>
        public IEnumerable<Entity> Records() => CmtCatalogue.Tables.SelectMany(t => _rows[t.Name]);

        public int Count => _rows.Values.Sum(r => r.Count);

        public Entity Account(string name, DateTime createdOn)
        {
            var account = new Entity(AccountSchema.EntityName, NextId())
            {
                [AccountSchema.Name] = name,
                [AccountSchema.CreatedOn] = createdOn,
                [AccountSchema.OwnerId] = Owner,
                [AccountSchema.StateCode] = new OptionSetValue(0),
            };
            _rows[AccountSchema.EntityName].Add(account);
            return account;
        }

        public Guid Contact(Entity account, string fullName, string? department, int? role, DateTime? createdOn = null)
        {
            var contact = new Entity(ContactSchema.EntityName, NextId())
            {
                ["fullname"] = fullName,
                [ContactSchema.ParentCustomerId] = account.ToEntityReference(),
                [ContactSchema.StateCode] = new OptionSetValue(ContactSchema.StateActive),
                ["createdon"] = createdOn ?? account.GetAttributeValue<DateTime>(AccountSchema.CreatedOn),
            };
            if (department is not null) contact[ContactSchema.Department] = department;
            if (role is not null) contact[ContactSchema.AccountRoleCode] = new OptionSetValue(role.Value);
            _rows[ContactSchema.EntityName].Add(contact);
            return contact.Id;
        }

        public Entity Meeting(Entity account, DateTime on, string subject, int? channel, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Appointment, account, on, subject);
            if (channel is { } c) row[ActivitySchema.Channel] = new OptionSetValue(c);
            row["requiredattendees"] = Parties(contacts);
            return row;
        }

        public Entity Email(Entity account, DateTime on, string subject, bool outgoing, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Email, account, on, subject);
            row[ActivitySchema.DirectionCode] = outgoing;
            row[outgoing ? "to" : "from"] = Parties(contacts);
            return row;
        }

        public Entity Call(Entity account, DateTime on, string subject, bool outgoing, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.PhoneCall, account, on, subject);
            row[ActivitySchema.DirectionCode] = outgoing;
            row[outgoing ? "to" : "from"] = Parties(contacts);
            return row;
        }

        public Entity ValueReport(Entity account, DateTime on, string subject, decimal? amount, int? channel, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.ValueReport, account, on, subject);
            if (amount is { } a) row[ValueReportSchema.ValueAmount] = new Money(a);
            if (channel is { } c) row[ActivitySchema.Channel] = new OptionSetValue(c);
            row["to"] = Parties(contacts);
            return row;
        }

        public Entity Perk(Entity account, DateTime on, string subject, int kind, decimal cost, params Guid[] contacts)
        {
            var row = Activity(ActivitySchema.Perk, account, on, subject);
            row[PerkSchema.PerkKind] = new OptionSetValue(kind);
            row[PerkSchema.Cost] = new Money(cost);
            row["to"] = Parties(contacts);
            return row;
        }

        /// <summary>Marks an activity as the kind of business interaction a seller logged it as (value, service, perk, neutral).</summary>
        public static Entity LoggedAs(Entity activity, int interactionClass)
        {
            activity[ActivitySchema.InteractionClass] = new OptionSetValue(interactionClass);
            return activity;
        }

        private Entity Activity(string table, Entity account, DateTime on, string subject)
        {
            var row = new Entity(table, NextId())
            {
                [ActivitySchema.Subject] = subject,
                [ActivitySchema.RegardingObjectId] = account.ToEntityReference(),
                [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted),
                [ActivitySchema.ActualEnd] = on,
                [ActivitySchema.OwnerId] = Owner,
            };
            _rows[table].Add(row);
            return row;
        }

        private static EntityCollection Parties(IEnumerable<Guid> contacts) =>
            new(contacts.Distinct().Select(c => new Entity(ActivityPartySchema.EntityName)
            {
                [ActivityPartySchema.PartyId] = new EntityReference(ContactSchema.EntityName, c),
            }).ToList());

        private Guid NextId() => IdOf(_prefix, ++_next);
    }
}
