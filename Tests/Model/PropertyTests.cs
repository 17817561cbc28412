using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Scoring;
using Newtonsoft.Json;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>Rules that must hold for every account, checked on generated ones.</summary>
    public class PropertyTests
    {
        private static readonly LoyaltyScorer Scorer = new(LoyaltyPolicy.Default);
        private static readonly DateTime AsOf = AccountGenerators.AsOf;
        private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

        private static Assessment Assess(AccountSnapshot account) => Scorer.Assess(account, AsOf);

        private static void Check<T>(Gen<T> gen, Func<T, bool> property) =>
            Prop.ForAll(gen.ToArbitrary(), property).Check(Config);

        private static bool InRange(int? score) => score is null || (score >= 0 && score <= 100);

        [Test]
        public void Scores_stay_within_0_and_100()
        {
            Check(AccountGenerators.Account(), account =>
            {
                var a = Assess(account);
                return InRange(a.Overall)
                    && a.Pillars.All(p => InRange(p.Score))
                    && a.Pillars.SelectMany(p => p.Measures).All(m => m.Score is null || (m.Score >= 0 && m.Score <= 100))
                    && (a.Perks.PerkShare is null || (a.Perks.PerkShare >= 0 && a.Perks.PerkShare <= 1));
            });
        }

        private static Gen<(AccountSnapshot Account, Interaction Added)> WithAdded(Gen<AccountSnapshot> accounts, Func<Interaction, Interaction> shape) =>
            from account in accounts
            from added in AccountGenerators.Interaction(999, account.Contacts.Count)
            from daysAgo in Gen.Choose(0, 400)
            select (account, shape(added) with { State = InteractionState.Completed, CompletedOn = AsOf.AddDays(-daysAgo) });

        private static AccountSnapshot Plus(AccountSnapshot account, Interaction added) =>
            account with { Interactions = account.Interactions.Append(added).ToList() };

        [Test]
        public void Adding_a_reported_value_interaction_never_lowers_understanding()
        {
            Check(WithAdded(AccountGenerators.Account(), i => i with { Kind = InteractionKind.ValueReport, LoggedClass = null }), x =>
            {
                var before = Assess(x.Account).Understanding.Score;
                var after = Assess(Plus(x.Account, x.Added)).Understanding.Score;
                return before is null || after >= before;
            });
        }

        [Test]
        public void Adding_a_perk_never_raises_any_pillar()
        {
            Check(WithAdded(AccountGenerators.Account(), i => i with { Kind = InteractionKind.Perk, LoggedClass = null }), x =>
            {
                var before = Assess(x.Account);
                var after = Assess(Plus(x.Account, x.Added));
                return before.Pillars.Zip(after.Pillars, (b, a) => b.Score is null ? a.Score is null or 0 : a.Score <= b.Score).All(ok => ok);
            });
        }

        [Test]
        public void Meeting_the_agreed_cadence_in_one_more_period_never_lowers_service()
        {
            var gen =
                from account in AccountGenerators.Account(withAgreement: true)
                from period in Gen.Choose(0, LoyaltyPolicy.Default.Service.AdherencePeriods - 1)
                from fraction in Gen.Choose(1, 99)
                select (account, period, fraction);

            Check(gen, x =>
            {
                var agreement = x.account.ServiceAgreement!;
                var (from, to) = PeriodBack(agreement.Cadence, x.period);
                var touch = new Interaction
                {
                    Id = Ids.Interaction(5000),
                    Kind = agreement.Channel == ServiceChannel.Phone ? InteractionKind.PhoneCall : InteractionKind.Meeting,
                    Channel = agreement.Channel,
                    State = InteractionState.Completed,
                    CompletedOn = from + TimeSpan.FromTicks((to - from).Ticks / 100 * x.fraction),
                    Subject = "Service review",
                };
                var before = Assess(x.account).Service.Score;
                var after = Assess(Plus(x.account, touch)).Service.Score;
                return before is null || after >= before;
            });
        }

        private static (DateTime From, DateTime To) PeriodBack(ServiceCadence cadence, int index)
        {
            DateTime Back(int steps) => cadence switch
            {
                ServiceCadence.Weekly => AsOf.AddDays(-7 * steps),
                ServiceCadence.Monthly => AsOf.AddMonths(-steps),
                ServiceCadence.Quarterly => AsOf.AddMonths(-3 * steps),
                ServiceCadence.HalfYearly => AsOf.AddMonths(-6 * steps),
                _ => AsOf.AddMonths(-12 * steps),
            };
            return (Back(index + 1), Back(index));
        }

        [Test]
        public void The_same_input_always_gives_the_same_output()
        {
            Check(AccountGenerators.Account(), account =>
            {
                var shuffled = account with { Interactions = account.Interactions.Reverse().ToList() };
                var first = JsonConvert.SerializeObject(Assess(account));
                return first == JsonConvert.SerializeObject(Assess(account))
                    && first == JsonConvert.SerializeObject(Assess(shuffled));
            });
        }

        [Test]
        public void The_band_is_never_healthy_while_a_pillar_is_below_its_floor_or_perks_dominate()
        {
            Check(AccountGenerators.Account(), account =>
            {
                var a = Assess(account);
                return a.Band != HealthBand.Healthy
                    || (a.Pillars.All(p => p.Score is null || p.Score >= LoyaltyPolicy.Default.Bands.WeakPillarBelow) && !a.Perks.IsPerkDependent);
            });
        }

        [Test]
        public void New_accounts_are_never_at_risk()
        {
            var young = AccountGenerators.Account().Select(a => a with { CreatedOn = AsOf.AddDays(-(a.Interactions.Count % LoyaltyPolicy.Default.Evidence.NewAccountDays)) });

            Check(young, account => Assess(account).Band == HealthBand.NotEnoughData);
        }

        [Test]
        public void Removing_evidence_never_turns_an_unknown_pillar_into_zero()
        {
            Check(AccountGenerators.Account(), account =>
            {
                var before = Assess(account);
                var after = Assess(account with { Interactions = account.Interactions.Take(account.Interactions.Count / 2).ToList() });
                return before.Pillars.Zip(after.Pillars, (b, a) => b.Score is not null || a.Score is null).All(ok => ok);
            });
        }

        [Test]
        public void Reasons_are_ordered_by_impact_and_worded_as_their_sign()
        {
            Check(AccountGenerators.Account(), account =>
            {
                var measured = Assess(account).Reasons.Where(r => r.SubMeasure is not null).ToList();
                var ordered = measured.Zip(measured.Skip(1), (x, y) => Math.Abs(x.Impact) >= Math.Abs(y.Impact)).All(ok => ok);
                var worded = measured.All(r => WeaknessCodes.Contains(r.Code) ? r.Impact < 0 : r.Impact > 0);
                return ordered && worded;
            });
        }

        private static readonly string[] WeaknessCodes =
        {
            "GoalsNotDocumented", "GoalsUndated", "GoalsReviewOverdue", "NoValueReports", "ValueReportedIrregularly", "ValueNotMonetised",
            "ValuePartlyMonetised", "NoContactsEngaged", "FewContactsEngaged", "NarrowDepartmentSpread", "NoDecisionMakerEngaged",
            "SingleThreaded", "MostlyOneWay", "NoServiceLevelAgreed", "CadenceMissed", "CadenceMissedPartlyElsewhere", "CadenceNotMet", "NoImprovementProposals", "FewImprovementProposals",
        };
    }
}
