using System;
using System.CommandLine;
using LoyaltyHealth.Cli.Generation;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>The shape of a generated organisation, as options of generate and benchmark.</summary>
    internal sealed class SyntheticCommandOptions
    {
        private readonly SyntheticOptions _defaults = new();

        public Option<int> Accounts { get; }
        public Option<int> Contacts { get; }
        public Option<int> Activities { get; }
        public Option<double> PerkAccounts { get; }
        public Option<double> PerkShare { get; }
        public Option<int> Seed { get; }
        public Option<int> Years { get; }
        public Option<string?> AsOf { get; } = new("--as-of") { Description = "The moment the history ends (yyyy-MM-dd)." };
        public Option<RecordOrder> Order { get; }

        public SyntheticCommandOptions()
        {
            Accounts = new Option<int>("--accounts") { Description = "How many accounts.", DefaultValueFactory = _ => _defaults.Accounts };
            Contacts = new Option<int>("--contacts") { Description = "Contacts per account.", DefaultValueFactory = _ => _defaults.ContactsPerAccount };
            Activities = new Option<int>("--activities") { Description = "Activities per account.", DefaultValueFactory = _ => _defaults.ActivitiesPerAccount };
            PerkAccounts = new Option<double>("--perk-accounts") { Description = "Share of accounts that lean on perks (0–1).", DefaultValueFactory = _ => _defaults.PerkAccounts };
            PerkShare = new Option<double>("--perk-share") { Description = "Share of such an account's activities that are perks (0–1).", DefaultValueFactory = _ => _defaults.PerkShare };
            Seed = new Option<int>("--seed") { Description = "Seed of the random choices; the same seed gives the same organisation.", DefaultValueFactory = _ => _defaults.Seed };
            Years = new Option<int>("--years") { Description = "Years of history.", DefaultValueFactory = _ => _defaults.Years };
            Order = new Option<RecordOrder>("--order")
            {
                Description = "How each table's records are listed: 'created' (by date, as an export lists them) or 'account' (account by account).",
                DefaultValueFactory = _ => _defaults.Order,
            };
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Accounts, Contacts, Activities, PerkAccounts, PerkShare, Seed, Years, AsOf, Order }) command.Options.Add(option);
        }

        public SyntheticOptions Read(ParseResult parse)
        {
            var options = new SyntheticOptions
            {
                Accounts = parse.GetValue(Accounts),
                ContactsPerAccount = parse.GetValue(Contacts),
                ActivitiesPerAccount = parse.GetValue(Activities),
                PerkAccounts = parse.GetValue(PerkAccounts),
                PerkShare = parse.GetValue(PerkShare),
                Seed = parse.GetValue(Seed),
                Years = parse.GetValue(Years),
                AsOf = CommonOptions.ParseAsOf(parse.GetValue(AsOf)) ?? _defaults.AsOf,
                Order = parse.GetValue(Order),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }
            return options;
        }
    }
}
