using System;
using System.Collections.Generic;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>One account's stored assessment, as the plugins wrote it onto the account.</summary>
    public sealed record AccountResult
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        /// <summary>
        /// Active in Dataverse (statecode Active, or no state given, as an import creates it). The product's account views,
        /// its dashboard and its daily refresh take active accounts only, so the report's lists do too.
        /// </summary>
        public bool Active { get; init; } = true;
        public int? Understanding { get; init; }
        public int? Familiarity { get; init; }
        public int? Service { get; init; }
        public int? Overall { get; init; }
        public HealthBand Band { get; init; } = HealthBand.NotEnoughData;
        public Trend? Trend { get; init; }
        public bool PerkDependent { get; init; }
        /// <summary>Perk touches among perk and value touches, in percent.</summary>
        public decimal? PerkSharePercent { get; init; }
        public decimal? PerkSpend { get; init; }
        public decimal? DeliveredValue { get; init; }
        public IReadOnlyList<string> Reasons { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
        /// <summary>The reasons that say a stored value could not be read: a data problem to fix, whatever the band.</summary>
        public IReadOnlyList<string> UnreadableValues { get; init; } = Array.Empty<string>();
        public DateTime? ScoredOn { get; init; }
        public int HistoryRows { get; init; }
        public int OpenFollowUps { get; init; }
        /// <summary>Why the account's recalculation failed (a system job's error); null when it did not.</summary>
        public string? Error { get; init; }
        public bool Failed => Error is not null;
        /// <summary>What was left out of or interpreted in this account's data, one line each.</summary>
        public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

        /// <summary>Failed first, then riskiest: At risk, Watch, Not enough data, Healthy; then lower health first.</summary>
        public int RiskRank => Failed ? -1 : Band switch
        {
            HealthBand.AtRisk => 0,
            HealthBand.Watch => 1,
            HealthBand.NotEnoughData => 2,
            _ => 3,
        };
    }

    /// <summary>
    /// The assessed organisation: every account, and how the run went. The accounts may be read from a file as
    /// they are enumerated (<see cref="Staging.ScoredAccounts"/>), so readers go through them, never hold them.
    /// </summary>
    public sealed record OrganisationResult(DateTime AsOf, string Language, IReadOnlyCollection<AccountResult> Accounts, int FailedJobs, string Source)
    {
        /// <summary>The active accounts, which the lists show (the product's account views filter on statecode Active).</summary>
        public ActiveAccounts Active => new(Accounts);

        /// <summary>What the run noted about its input: skipped tables and columns, excluded records.</summary>
        public IReadOnlyList<DataNote> Notes { get; init; } = Array.Empty<DataNote>();
    }
}
