using Newtonsoft.Json;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// Every weight, window, threshold, target and word list the scorer uses, with defaults.
    /// Stored as JSON (a Dataverse environment variable); load it with <see cref="PolicyLoader"/>,
    /// which validates the whole document before anything is applied.
    /// </summary>
    [JsonObject(MemberSerialization.OptOut)]
    public sealed class LoyaltyPolicy
    {
        public static LoyaltyPolicy Default => new();

        /// <summary>How far back interactions count, in days.</summary>
        public int WindowDays { get; set; } = 365;
        public PillarWeights Weights { get; set; } = new();
        public BandPolicy Bands { get; set; } = new();
        public EvidencePolicy Evidence { get; set; } = new();
        public UnderstandingPolicy Understanding { get; set; } = new();
        public FamiliarityPolicy Familiarity { get; set; } = new();
        public ServicePolicy Service { get; set; } = new();
        public PerkPolicy Perks { get; set; } = new();
        public TrendPolicy Trend { get; set; } = new();
        public ExplanationPolicy Explanations { get; set; } = new();
        public FollowUpPolicy FollowUps { get; set; } = new();
        public EventPolicy Events { get; set; } = new();
        public ClassificationPolicy Classification { get; set; } = new();

        public string ToJson(Formatting formatting = Formatting.Indented) =>
            JsonConvert.SerializeObject(this, PolicyLoader.SerializerSettings(formatting));

        /// <summary>
        /// Every setting except the word lists, which keep their built-in defaults when left out. It
        /// loads as this whole policy, and the defaults' template fits the 2,000 characters a Dataverse
        /// environment variable's default value holds.
        /// </summary>
        public string ToJsonWithoutWordLists(Formatting formatting = Formatting.Indented)
        {
            var json = Newtonsoft.Json.Linq.JObject.FromObject(this, JsonSerializer.Create(PolicyLoader.SerializerSettings(formatting)));
            json.Remove("classification");
            return json.ToString(formatting);
        }
    }

    public sealed class PillarWeights
    {
        public decimal Understanding { get; set; } = 0.4m;
        public decimal Familiarity { get; set; } = 0.3m;
        public decimal Service { get; set; } = 0.3m;
    }

    public sealed class BandPolicy
    {
        /// <summary>Overall health from which an account is Healthy.</summary>
        public int HealthyFrom { get; set; } = 70;
        /// <summary>Overall health from which an account is Watch rather than At risk.</summary>
        public int WatchFrom { get; set; } = 45;
        /// <summary>A pillar below this keeps the account out of Healthy whatever the average (one poor attribute).</summary>
        public int WeakPillarBelow { get; set; } = 25;
    }

    public sealed class EvidencePolicy
    {
        /// <summary>Younger accounts are "Not enough data": nobody can have earned or lost loyalty yet.</summary>
        public int NewAccountDays { get; set; } = 90;
        /// <summary>Pillars with evidence needed before an account gets a band.</summary>
        public int MinimumKnownPillars { get; set; } = 2;
    }

    public sealed class UnderstandingPolicy
    {
        public UnderstandingWeights Weights { get; set; } = new();
        /// <summary>Goals reviewed within this many days count as current.</summary>
        public int GoalsFreshDays { get; set; } = 180;
        /// <summary>Goals last reviewed this long ago say nothing about today's needs.</summary>
        public int GoalsStaleDays { get; set; } = 540;
        /// <summary>Score for goals that are written down but were never dated.</summary>
        public int GoalsUndatedScore { get; set; } = 30;
        /// <summary>How often value should be reported to the customer, in days.</summary>
        public int ValueReportIntervalDays { get; set; } = 90;
    }

    public sealed class UnderstandingWeights
    {
        public decimal GoalsCurrency { get; set; } = 0.35m;
        public decimal ValueReporting { get; set; } = 0.4m;
        public decimal ValueMonetised { get; set; } = 0.25m;
    }

    public sealed class FamiliarityPolicy
    {
        public FamiliarityWeights Weights { get; set; } = new();
        /// <summary>Engaged contacts that make a relationship broad.</summary>
        public int BroadContacts { get; set; } = 5;
        /// <summary>Departments engaged that make a relationship wide.</summary>
        public int BroadDepartments { get; set; } = 3;
        /// <summary>Share of engagements with one contact from which the account is single-threaded.</summary>
        public decimal SingleThreadedShare { get; set; } = 0.75m;
        /// <summary>A relationship carried by one person is a risk whatever the other scores say.</summary>
        public bool SingleThreadedKeepsOutOfHealthy { get; set; } = true;
        /// <summary>Share of interactions the customer starts that counts as fully two-way.</summary>
        public decimal CustomerInitiatedTarget { get; set; } = 0.3m;
        /// <summary>Engagements needed before concentration and two-way measures mean anything.</summary>
        public int MinimumEngagements { get; set; } = 3;
    }

    public sealed class FamiliarityWeights
    {
        public decimal ContactBreadth { get; set; } = 0.25m;
        public decimal DepartmentSpread { get; set; } = 0.2m;
        public decimal SeniorityReach { get; set; } = 0.15m;
        public decimal ThreadConcentration { get; set; } = 0.2m;
        public decimal TwoWayEngagement { get; set; } = 0.2m;
        public decimal ReferenceCustomer { get; set; } = 0.15m;
    }

    public sealed class ServicePolicy
    {
        public ServiceWeights Weights { get; set; } = new();
        /// <summary>Recent periods of the agreed cadence that adherence is judged over.</summary>
        public int AdherencePeriods { get; set; } = 4;
        /// <summary>Credit for a touch in a period when its channel was not recorded.</summary>
        public decimal UnknownChannelCredit { get; set; } = 0.75m;
        /// <summary>Credit for a touch on another channel than the one the customer asked for.</summary>
        public decimal OtherChannelCredit { get; set; } = 0.5m;
        /// <summary>Recent periods without the agreed service that keep an account out of Healthy.</summary>
        public int MissedPeriodsKeepOutOfHealthy { get; set; } = 2;
        /// <summary>Improvement proposals or insights per year that count as fully proactive.</summary>
        public int ProposalsPerYear { get; set; } = 2;
    }

    public sealed class ServiceWeights
    {
        public decimal ServiceLevelAgreed { get; set; } = 0.3m;
        public decimal CadenceAdherence { get; set; } = 0.45m;
        public decimal ImprovementProposals { get; set; } = 0.25m;
    }

    public sealed class PerkPolicy
    {
        public int WindowDays { get; set; } = 365;
        /// <summary>Fewer perks than this never make an account perk-dependent.</summary>
        public int MinimumPerkTouches { get; set; } = 3;
        /// <summary>Share of perk touches among perk and value touches from which perks dominate.</summary>
        public decimal PerkShareThreshold { get; set; } = 0.6m;
        /// <summary>Perk spend per unit of delivered value from which perks dominate.</summary>
        public decimal SpendToValueThreshold { get; set; } = 0.1m;
        /// <summary>Value reports in the window needed before value counts as strong.</summary>
        public int StrongValueMinimumReports { get; set; } = 2;
        /// <summary>Delivered value must be at least this multiple of perk spend to count as strong.</summary>
        public decimal StrongValueMultiple { get; set; } = 20m;
    }

    public sealed class TrendPolicy
    {
        /// <summary>An earlier assessment must be at least this old to compare with.</summary>
        public int MinimumDaysBetween { get; set; } = 28;
        /// <summary>Change in overall health, in points, that counts as a trend.</summary>
        public int ChangePoints { get; set; } = 5;
    }

    public sealed class ExplanationPolicy
    {
        /// <summary>Findings that move overall health by fewer points are not listed as reasons.</summary>
        public decimal MinimumImpact { get; set; } = 0.5m;
        /// <summary>Measures scoring below this get a next best action.</summary>
        public int ActionBelowScore { get; set; } = 60;
        public int MaximumActions { get; set; } = 3;
        /// <summary>Language of the reasons and actions written onto records (a shipped text file, e.g. "en" or "de").</summary>
        public string Language { get; set; } = "en";
    }

    public sealed class FollowUpPolicy
    {
        /// <summary>
        /// Create follow-up tasks when an account enters At risk or becomes perk-dependent (and close them on
        /// recovery); false leaves follow-up to the organisation's own flows on the business events.
        /// </summary>
        public bool Enabled { get; set; } = true;
    }

    public sealed class EventPolicy
    {
        /// <summary>The business event "health declined" is raised when overall health falls by at least this many points from one assessment to the next.</summary>
        public int DeclinePoints { get; set; } = 10;
    }
}
