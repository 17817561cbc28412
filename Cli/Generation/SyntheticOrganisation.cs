using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Generation
{
    /// <summary>What a generated organisation looks like.</summary>
    public sealed record SyntheticOptions
    {
        public int Accounts { get; init; } = 1000;
        public int ContactsPerAccount { get; init; } = 5;
        public int ActivitiesPerAccount { get; init; } = 50;
        /// <summary>Share of accounts whose relationship leans on perks (0–1).</summary>
        public double PerkAccounts { get; init; } = 0.2;
        /// <summary>Share of a perk-leaning account's activities that are perks (0–1).</summary>
        public double PerkShare { get; init; } = 0.5;
        public int Seed { get; init; } = 1;
        public int Years { get; init; } = 3;
        public DateTime AsOf { get; init; } = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        public void Validate()
        {
            if (Accounts < 1) throw new ArgumentException("--accounts must be at least 1.");
            if (ContactsPerAccount < 1) throw new ArgumentException("--contacts must be at least 1.");
            if (ActivitiesPerAccount < 0) throw new ArgumentException("--activities must not be negative.");
            if (PerkAccounts is < 0 or > 1) throw new ArgumentException("--perk-accounts is a share between 0 and 1.");
            if (PerkShare is < 0 or > 1) throw new ArgumentException("--perk-share is a share between 0 and 1.");
            if (Years < 1) throw new ArgumentException("--years must be at least 1.");
        }
    }

    /// <summary>
    /// Generates large organisations for performance work: each account gets a random but seeded profile
    /// (age, agreed service level, documented goals, perk habit) and a history of activities spread over
    /// the years. Records are produced table by table and account by account, regenerating each account
    /// from its own seed, so millions of activities stream into a file without being held in memory.
    /// </summary>
    public static class SyntheticOrganisation
    {
        private static readonly string[] Departments = { "Finance", "Operations", "Logistics", "IT", "Procurement", "Sales", "Quality", "HR" };
        private static readonly int[] Cadences = { OptionValues.CadenceWeekly, OptionValues.CadenceMonthly, OptionValues.CadenceMonthly, OptionValues.CadenceQuarterly, OptionValues.CadenceHalfYearly };
        private static readonly int[] Channels = { OptionValues.ChannelInPerson, OptionValues.ChannelVideo, OptionValues.ChannelPhone };
        private static readonly (string Subject, int Kind, decimal Cost)[] Perks =
        {
            ("Team lunch", OptionValues.PerkKindMeal, 150m), ("Tickets for the game", OptionValues.PerkKindEventTickets, 300m),
            ("Gift basket", OptionValues.PerkKindGift, 80m), ("Branded caps", OptionValues.PerkKindMerchandise, 40m),
            ("Golf day", OptionValues.PerkKindHospitality, 450m),
        };

        public static IEnumerable<Entity> Records(SyntheticOptions options)
        {
            options.Validate();
            foreach (var table in CmtCatalogue.Tables)
            {
                for (var i = 0; i < options.Accounts; i++)
                {
                    foreach (var record in Account(options, i).Records())
                        if (record.LogicalName == table.Name) yield return record;
                }
            }
        }

        private static OrganisationBuilder Account(SyntheticOptions o, int index)
        {
            var random = new Random(unchecked(o.Seed * 1_000_003 + index));
            var builder = new OrganisationBuilder(0x6e000000 + index);
            var span = TimeSpan.FromDays(365 * o.Years);
            var isNew = random.NextDouble() < 0.05;
            var created = isNew ? o.AsOf.AddDays(-random.Next(5, 80)) : o.AsOf - span + TimeSpan.FromDays(random.Next(0, 180));
            var account = builder.Account($"Account {index + 1:D6}", created);
            int? channel = null;
            if (random.NextDouble() < 0.6)
            {
                account[AccountSchema.ServiceCadence] = new OptionSetValue(Cadences[random.Next(Cadences.Length)]);
                channel = Channels[random.Next(Channels.Length)];
                account[AccountSchema.PreferredChannel] = new OptionSetValue(channel.Value);
            }
            if (random.NextDouble() < 0.7)
            {
                account[AccountSchema.CustomerGoals] = "Reduce operating cost; grow in new markets";
                account[AccountSchema.GoalsReviewedOn] = Between(random, created, o.AsOf);
            }
            if (random.NextDouble() < 0.1) account[AccountSchema.IsReference] = true;

            var contacts = Enumerable.Range(0, o.ContactsPerAccount)
                .Select(c => builder.Contact(account, $"Contact {index + 1:D6}-{c + 1}", Departments[random.Next(Departments.Length)],
                    c == 0 ? ContactSchema.RoleDecisionMaker : random.NextDouble() < 0.3 ? ContactSchema.RoleInfluencer : ContactSchema.RoleEmployee))
                .ToArray();
            var perkShare = random.NextDouble() < o.PerkAccounts ? o.PerkShare : o.PerkShare * 0.1;
            for (var a = 0; a < o.ActivitiesPerAccount; a++)
            {
                var on = Between(random, created, o.AsOf);
                var who = contacts.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, contacts.Length))).ToArray();
                var roll = random.NextDouble();
                if (roll < perkShare)
                {
                    var perk = Perks[random.Next(Perks.Length)];
                    builder.Perk(account, on, perk.Subject, perk.Kind, perk.Cost, who);
                    continue;
                }
                roll = random.NextDouble();
                if (roll < 0.3) builder.Meeting(account, on, random.NextDouble() < 0.1 ? "Improvement proposal" : "Account review", channel ?? OptionValues.ChannelInPerson, who);
                else if (roll < 0.65) builder.Email(account, on, "Follow-up", random.NextDouble() < 0.6, who);
                else if (roll < 0.9) builder.Call(account, on, "Service call", random.NextDouble() < 0.7, who);
                else builder.ValueReport(account, on, "Value report", random.NextDouble() < 0.7 ? random.Next(5, 200) * 1000m : null, channel, who);
            }
            return builder;
        }

        private static DateTime Between(Random random, DateTime from, DateTime to)
        {
            var seconds = Math.Max(1, (long)(to - from).TotalSeconds);
            return from.AddSeconds((long)(random.NextDouble() * seconds));
        }
    }
}
