using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Classification;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// Turns what the CRM knows about one account into an explained loyalty health assessment.
    /// Pure and deterministic: the instant is an argument and nothing reads the clock. Immutable
    /// after construction, so one instance can serve many threads.
    /// </summary>
    public sealed class LoyaltyScorer
    {
        private readonly LoyaltyPolicy _policy;
        private readonly InteractionClassifier _classifier;

        public LoyaltyScorer(LoyaltyPolicy policy)
        {
            var problems = PolicyValidator.Validate(policy ?? throw new ArgumentNullException(nameof(policy)));
            if (problems.Count > 0) throw new PolicyException(problems);
            _policy = policy;
            _classifier = new InteractionClassifier(policy.Classification);
        }

        public LoyaltyPolicy Policy => _policy;

        public InteractionClass Classify(Interaction interaction) => _classifier.Classify(interaction);

        /// <param name="account">The account as of <paramref name="asOf"/>.</param>
        /// <param name="asOf">The instant of the assessment (UTC).</param>
        public Assessment Assess(AccountSnapshot account, DateTime asOf)
        {
            if (account is null) throw new ArgumentNullException(nameof(account));
            var c = new ScoringContext(account, asOf, _policy, _classifier);

            var raw = new[]
            {
                (Pillar.Understanding, Measures: UnderstandingMeasures.Assess(c).ToList()),
                (Pillar.Familiarity, Measures: FamiliarityMeasures.Assess(c).ToList()),
                (Pillar.Service, Measures: ServiceMeasures.Assess(c).ToList()),
            };
            var exact = raw.Select(p => (p.Item1, Exact: PillarScoring.PillarExact(p.Measures))).ToList();
            var knownWeight = exact.Where(p => p.Exact.HasValue).Sum(p => PillarScoring.Weight(_policy.Weights, p.Item1));
            var overallExact = PillarScoring.WeightedMean(exact.Select(p => (PillarScoring.Weight(_policy.Weights, p.Item1), p.Exact)));

            var pillars = raw.Zip(exact, (r, e) => new PillarResult
            {
                Pillar = r.Item1,
                Score = e.Exact is { } s ? PillarScoring.Round(s) : null,
                Measures = PillarScoring.WithEffectiveWeights(r.Measures, PillarScoring.Weight(_policy.Weights, r.Item1), knownWeight),
            }).ToList();

            var perks = PerkAnalysis.Assess(c);
            var (band, bandReasons) = BandRules.Decide(c, overallExact, pillars, perks);
            // An account without a band shows no overall score either, so no view sorts it among the weak.
            int? overall = overallExact is { } o && band != HealthBand.NotEnoughData ? PillarScoring.Round(o) : null;
            var measures = pillars.SelectMany(p => p.Measures).ToList();

            return new Assessment
            {
                AccountId = account.AccountId,
                AssessedOn = asOf,
                Understanding = pillars[0],
                Familiarity = pillars[1],
                Service = pillars[2],
                Perks = perks,
                Overall = overall,
                Band = band,
                Trend = HistoryRules.Trend(account.PastAssessments, asOf, overall, _policy.Trend),
                Reasons = Explanations.Reasons(c, bandReasons, perks, measures),
                NextBestActions = Explanations.Actions(c, perks, measures),
                Transitions = HistoryRules.Transitions(account.PastAssessments, asOf, band, perks.IsPerkDependent),
                Warnings = c.Warnings,
            };
        }
    }
}
