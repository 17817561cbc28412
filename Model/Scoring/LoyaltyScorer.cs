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
                new MeasuredPillar(Pillar.Understanding, UnderstandingMeasures.Assess(c).ToList()),
                new MeasuredPillar(Pillar.Familiarity, FamiliarityMeasures.Assess(c).ToList()),
                new MeasuredPillar(Pillar.Service, ServiceMeasures.Assess(c).ToList()),
            };
            var knownWeight = raw.Where(p => p.Exact.HasValue).Sum(p => PillarScoring.Weight(_policy.Weights, p.Pillar));
            var overallExact = PillarScoring.WeightedMean(raw.Select(p => new WeightedScore(PillarScoring.Weight(_policy.Weights, p.Pillar), p.Exact)));

            var pillars = raw.Select(r => new PillarResult
            {
                Pillar = r.Pillar,
                Score = r.Exact is { } s ? PillarScoring.Round(s) : null,
                Measures = PillarScoring.WithEffectiveWeights(r.Measures, PillarScoring.Weight(_policy.Weights, r.Pillar), knownWeight),
            }).ToList();

            var perks = PerkAnalysis.Assess(c);
            var decision = BandRules.Decide(c, overallExact, pillars, perks);
            var band = decision.Band;
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
                Reasons = Explanations.Reasons(c, decision.Reasons, perks, measures),
                NextBestActions = Explanations.Actions(c, perks, measures),
                Warnings = c.Warnings,
            };
        }

        /// <summary>A pillar's measures and their unrounded weighted mean, which the overall health is built from.</summary>
        private sealed record MeasuredPillar(Pillar Pillar, IReadOnlyList<SubMeasureResult> Measures)
        {
            public decimal? Exact { get; } = PillarScoring.PillarExact(Measures);
        }
    }
}
