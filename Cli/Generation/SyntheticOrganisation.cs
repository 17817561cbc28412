using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Generation
{
    /// <summary>The order in which a generated file lists each table's records.</summary>
    public enum RecordOrder
    {
        /// <summary>
        /// As a real export lists them: by when they were created, so every account's records are spread across its
        /// tables. Dataverse gives records sequential ids as they are created (in TALXIS/platform-metadata's live CMT export,
        /// tests/TALXIS.Platform.Metadata.Tests/TestData/CmtPackage/live-export/data.xml, records created one after the other
        /// are c9dd83c3-, cbdd83c3- and ccdd83c3-e1c0-f111-a05a-6045bd091279), and an export pages through each table in id order.
        /// </summary>
        Created,

        /// <summary>Account by account: each account's records of a table together (the kindest order for staging).</summary>
        Account,
    }

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
        public RecordOrder Order { get; init; } = RecordOrder.Created;

        /// <summary>How many records <see cref="SyntheticOrganisation.Records"/> gives: each account, its contacts and its activities.</summary>
        public long RecordCount => (long)Accounts * (1 + ContactsPerAccount + ActivitiesPerAccount);

        public void Validate()
        {
            if (Accounts < 1) throw new ArgumentException("--accounts must be at least 1.");
            if (ContactsPerAccount < 1) throw new ArgumentException("--contacts must be at least 1.");
            if (ActivitiesPerAccount < 0) throw new ArgumentException("--activities must not be negative.");
            if (PerkAccounts is < 0 or > 1) throw new ArgumentException("--perk-accounts is a share between 0 and 1.");
            if (PerkShare is < 0 or > 1) throw new ArgumentException("--perk-share is a share between 0 and 1.");
            if (Years < 1) throw new ArgumentException("--years must be at least 1.");
            if (!Enum.IsDefined(Order)) throw new ArgumentException("--order is 'created' or 'account'.");
        }
    }

    /// <summary>
    /// Generates large organisations for performance work: each account gets a random but seeded profile
    /// (age, agreed service level, documented goals, perk habit) and a history of activities spread over
    /// the years. Each activity is drawn from its own seed, so any one is made again on its own: millions
    /// stream into a file, in either <see cref="RecordOrder"/>, while only the accounts' profiles, a byte per activity
    /// (its table) and, for the order of creation, one table's keys (date, account, activity) are held.
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

        /// <summary>How a file in <paramref name="order"/> lists its records, as <c>benchmark</c> prints it.</summary>
        public static string Listed(RecordOrder order) => order == RecordOrder.Created ? "each table by creation" : "each table account by account";

        public static IEnumerable<Entity> Records(SyntheticOptions options)
        {
            options.Validate();
            var profiles = new AccountProfile[options.Accounts];
            for (var i = 0; i < profiles.Length; i++) profiles[i] = Profile(options, i);
            // An account's contacts are created with it, so both tables follow the accounts' order.
            var accounts = options.Order == RecordOrder.Created
                ? profiles.OrderBy(p => p.Created).ThenBy(p => p.Index).ToArray()
                : profiles;
            foreach (var profile in accounts) yield return profile.Account();
            foreach (var profile in accounts)
            {
                for (var c = 0; c < options.ContactsPerAccount; c++) yield return profile.Contact(c);
            }
            // Which table each activity went to, drawn once (a byte per activity), so each table's pass draws only its own.
            var tables = CmtCatalogue.Tables.Where(t => t.IsActivity).Select(t => t.Name).ToArray();
            var tableOf = new byte[(long)options.Accounts * options.ActivitiesPerAccount];
            foreach (var profile in profiles)
            {
                for (var k = 0; k < options.ActivitiesPerAccount; k++)
                    tableOf[(long)profile.Index * options.ActivitiesPerAccount + k] = (byte)Array.IndexOf(tables, Draw(options, profile, k).Table);
            }
            for (var t = 0; t < tables.Length; t++)
            {
                var ofTable = Activities(options, profiles, tableOf, (byte)t);
                var records = options.Order == RecordOrder.Created ? ByCreation(options, profiles, ofTable) : ByAccount(options, ofTable);
                foreach (var record in records) yield return record;
            }
        }

        /// <summary>The activities (account, number) that went to table number <paramref name="table"/>, account by account.</summary>
        private static IEnumerable<(AccountProfile Account, int Activity)> Activities(SyntheticOptions o, AccountProfile[] profiles, byte[] tableOf, byte table)
        {
            foreach (var profile in profiles)
            {
                for (var k = 0; k < o.ActivitiesPerAccount; k++)
                {
                    if (tableOf[(long)profile.Index * o.ActivitiesPerAccount + k] == table) yield return (profile, k);
                }
            }
        }

        private static IEnumerable<Entity> ByAccount(SyntheticOptions o, IEnumerable<(AccountProfile Account, int Activity)> activities)
        {
            foreach (var (account, k) in activities) yield return account.Activity(Draw(o, account, k));
        }

        /// <summary>The table's activities by date; on the same date by account, then as the account drew them.</summary>
        private static IEnumerable<Entity> ByCreation(SyntheticOptions o, AccountProfile[] profiles, IEnumerable<(AccountProfile Account, int Activity)> activities)
        {
            var keys = new List<(long Ticks, int Account, int Activity)>();
            foreach (var (account, k) in activities) keys.Add((Draw(o, account, k).On.Ticks, account.Index, k));
            keys.Sort();
            foreach (var (_, account, k) in keys) yield return profiles[account].Activity(Draw(o, profiles[account], k));
        }

        private static AccountProfile Profile(SyntheticOptions o, int index)
        {
            var random = new Random(Seed(o.Seed, index, -1));
            var span = TimeSpan.FromDays(365 * o.Years);
            var isNew = random.NextDouble() < 0.05;
            var created = isNew ? o.AsOf.AddDays(-random.Next(5, 80)) : o.AsOf - span + TimeSpan.FromDays(random.Next(0, 180));
            var profile = new AccountProfile(index, created, o.ContactsPerAccount);
            if (random.NextDouble() < 0.6)
            {
                profile.Cadence = Cadences[random.Next(Cadences.Length)];
                profile.Channel = Channels[random.Next(Channels.Length)];
            }
            if (random.NextDouble() < 0.7) profile.GoalsReviewedOn = Between(random, created, o.AsOf);
            profile.IsReference = random.NextDouble() < 0.1;
            for (var c = 0; c < o.ContactsPerAccount; c++)
            {
                profile.Departments[c] = (byte)random.Next(Departments.Length);
                profile.Roles[c] = c == 0 ? ContactSchema.RoleDecisionMaker : random.NextDouble() < 0.3 ? ContactSchema.RoleInfluencer : ContactSchema.RoleEmployee;
            }
            profile.PerkShare = random.NextDouble() < o.PerkAccounts ? o.PerkShare : o.PerkShare * 0.1;
            return profile;
        }

        /// <summary>The account's activity number <paramref name="k"/>, drawn from its own seed.</summary>
        private static ActivityDraw Draw(SyntheticOptions o, AccountProfile account, int k)
        {
            var random = new Random(Seed(o.Seed, account.Index, k));
            var on = Between(random, account.Created, o.AsOf);
            var who = Enumerable.Range(0, account.Roles.Length).OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, account.Roles.Length))).ToArray();
            if (random.NextDouble() < account.PerkShare) return new ActivityDraw(k, ActivitySchema.Perk, on, who, random.Next(Perks.Length), random);
            var roll = random.NextDouble();
            var table = roll < 0.3 ? ActivitySchema.Appointment : roll < 0.65 ? ActivitySchema.Email : roll < 0.9 ? ActivitySchema.PhoneCall : ActivitySchema.ValueReport;
            return new ActivityDraw(k, table, on, who, 0, random);
        }

        /// <summary>
        /// A seed for each account (<paramref name="activity"/> -1) and each of its activities. Neighbouring numbers
        /// are mixed apart (a SplitMix64 finaliser), since <see cref="Random"/> seeded with neighbours starts alike.
        /// </summary>
        private static int Seed(int seed, int account, int activity)
        {
            unchecked
            {
                var z = (ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)account << 20 ^ (ulong)(uint)(activity + 1);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return (int)(z ^ (z >> 31)) & int.MaxValue;
            }
        }

        private static DateTime Between(Random random, DateTime from, DateTime to)
        {
            var seconds = Math.Max(1, (long)(to - from).TotalSeconds);
            return from.AddSeconds((long)(random.NextDouble() * seconds));
        }

        /// <summary>What an account's records are made from; the records themselves are made when written.</summary>
        private sealed class AccountProfile
        {
            public AccountProfile(int index, DateTime created, int contacts)
            {
                Index = index;
                Created = created;
                Departments = new byte[contacts];
                Roles = new int[contacts];
            }

            public int Index { get; }
            public DateTime Created { get; }
            public int? Cadence { get; set; }
            public int? Channel { get; set; }
            public DateTime? GoalsReviewedOn { get; set; }
            public bool IsReference { get; set; }
            public double PerkShare { get; set; }
            public byte[] Departments { get; }
            public int[] Roles { get; }

            private int Prefix => 0x6e000000 + Index;

            // The builder numbers its records from one: the account first, then its contacts, then its activities in turn.
            private OrganisationBuilder Builder(int recordsBefore) => new(Prefix, recordsBefore);

            private Entity Reference => new(AccountSchema.EntityName, OrganisationBuilder.IdOf(Prefix, 1)) { [AccountSchema.CreatedOn] = Created };

            public Entity Account()
            {
                var account = Builder(0).Account($"Account {Index + 1:D6}", Created);
                if (Cadence is { } cadence) account[AccountSchema.ServiceCadence] = new OptionSetValue(cadence);
                if (Channel is { } channel) account[AccountSchema.PreferredChannel] = new OptionSetValue(channel);
                if (GoalsReviewedOn is { } reviewed)
                {
                    account[AccountSchema.CustomerGoals] = "Reduce operating cost; grow in new markets";
                    account[AccountSchema.GoalsReviewedOn] = reviewed;
                }
                if (IsReference) account[AccountSchema.IsReference] = true;
                return account;
            }

            public Entity Contact(int c)
            {
                var builder = Builder(1 + c);
                builder.Contact(Reference, $"Contact {Index + 1:D6}-{c + 1}", SyntheticOrganisation.Departments[Departments[c]], Roles[c], Created);
                return builder.Records().Single();
            }

            public Entity Activity(ActivityDraw draw)
            {
                var builder = Builder(1 + Roles.Length + draw.Number);
                var account = Reference;
                var who = draw.Who.Select(c => OrganisationBuilder.IdOf(Prefix, 2 + c)).ToArray();
                var random = draw.Rest;
                if (draw.Table == ActivitySchema.Perk)
                {
                    var perk = Perks[draw.Perk];
                    return builder.Perk(account, draw.On, perk.Subject, perk.Kind, perk.Cost, who);
                }
                return draw.Table switch
                {
                    ActivitySchema.Appointment => builder.Meeting(account, draw.On, random.NextDouble() < 0.1 ? "Improvement proposal" : "Account review", Channel ?? OptionValues.ChannelInPerson, who),
                    ActivitySchema.Email => builder.Email(account, draw.On, "Follow-up", random.NextDouble() < 0.6, who),
                    ActivitySchema.PhoneCall => builder.Call(account, draw.On, "Service call", random.NextDouble() < 0.7, who),
                    _ => builder.ValueReport(account, draw.On, "Value report", random.NextDouble() < 0.7 ? random.Next(5, 200) * 1000m : null, Channel, who),
                };
            }
        }

        /// <summary>An activity's first draws (which table, when, who took part); <see cref="Rest"/> draws the details.</summary>
        private sealed record ActivityDraw(int Number, string Table, DateTime On, int[] Who, int Perk, Random Rest);
    }
}
