using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// Being a trusted insider: known across the customer's organisation, wide and deep, not by one
    /// friendly contact. Only business interactions count; perks serve a person, not the business.
    /// </summary>
    internal static class FamiliarityMeasures
    {
        private const Pillar P = Pillar.Familiarity;

        public static IEnumerable<SubMeasureResult> Assess(ScoringContext c)
        {
            var engagements = c.Engagements.ToList();
            // Each engagement's people, worked out once for the measures that count them.
            var peopleOf = engagements.Select(c.ContactsOf).ToList();
            var engaged = peopleOf.SelectMany(people => people).Distinct().ToList();
            yield return ContactBreadth(c, engagements, engaged);
            yield return DepartmentSpread(c, engaged);
            yield return SeniorityReach(c, engaged);
            yield return ThreadConcentration(c, peopleOf);
            yield return TwoWayEngagement(c, engagements);
            yield return ReferenceCustomer(c);
        }

        private static SubMeasureResult ContactBreadth(ScoringContext c, List<Touch> engagements, List<ContactSnapshot> engaged)
        {
            var policy = c.Policy.Familiarity;
            var weight = policy.Weights.ContactBreadth;
            if (!c.AbsenceIsAFinding && engagements.Count == 0) return Measure.Unknown(P, MeasureCodes.ContactBreadth, weight);

            var score = Measure.Towards(engaged.Count, policy.BroadContacts);
            var reason = engaged.Count == 0 ? ReasonCodes.NoContactsEngaged
                : Measure.IsWeak(score) ? ReasonCodes.FewContactsEngaged
                : ReasonCodes.BroadContactsEngaged;
            return Measure.Known(P, MeasureCodes.ContactBreadth, weight, score, reason,
                Parameter.Count(ParameterNames.Count, engaged.Count), Parameter.Count(ParameterNames.Target, policy.BroadContacts));
        }

        private static SubMeasureResult DepartmentSpread(ScoringContext c, List<ContactSnapshot> engaged)
        {
            var policy = c.Policy.Familiarity;
            var weight = policy.Weights.DepartmentSpread;
            var departments = engaged
                .Where(e => !string.IsNullOrWhiteSpace(e.Department))
                .Select(e => Classification.TextNormalizer.Normalize(e.Department!))
                .Where(d => d.Length > 0)
                .Distinct()
                .Count();
            // Nobody recorded a department: the spread is unknown, not zero.
            if (departments == 0) return Measure.Unknown(P, MeasureCodes.DepartmentSpread, weight);

            var score = Measure.Towards(departments, policy.BroadDepartments);
            var reason = Measure.IsWeak(score) ? ReasonCodes.NarrowDepartmentSpread : ReasonCodes.WideDepartmentSpread;
            return Measure.Known(P, MeasureCodes.DepartmentSpread, weight, score, reason,
                Parameter.Count(ParameterNames.Count, departments), Parameter.Count(ParameterNames.Target, policy.BroadDepartments));
        }

        private static SubMeasureResult SeniorityReach(ScoringContext c, List<ContactSnapshot> engaged)
        {
            var weight = c.Policy.Familiarity.Weights.SeniorityReach;
            var known = engaged.Where(e => e.Seniority != Seniority.Unknown).ToList();
            if (known.Count == 0) return Measure.Unknown(P, MeasureCodes.SeniorityReach, weight);

            var deciders = known.Count(e => e.Seniority is Seniority.DecisionMaker or Seniority.Executive);
            var managers = known.Count(e => e.Seniority == Seniority.Manager);
            decimal score = deciders > 0 ? 100m : managers > 0 ? 50m : 0m;
            var reason = deciders > 0 ? ReasonCodes.DecisionMakerEngaged : ReasonCodes.NoDecisionMakerEngaged;
            return Measure.Known(P, MeasureCodes.SeniorityReach, weight, score, reason, Parameter.Count(ParameterNames.Count, deciders));
        }

        /// <summary>How much of the relationship runs through the single busiest contact, given each engagement's active contacts (each once).</summary>
        private static SubMeasureResult ThreadConcentration(ScoringContext c, List<List<ContactSnapshot>> peopleOf)
        {
            var policy = c.Policy.Familiarity;
            var weight = policy.Weights.ThreadConcentration;
            var withContacts = 0;
            var engagementsPerContact = new Dictionary<Guid, int>();
            foreach (var people in peopleOf)
            {
                if (people.Count > 0) withContacts++;
                foreach (var person in people) engagementsPerContact[person.Id] = engagementsPerContact.TryGetValue(person.Id, out var n) ? n + 1 : 1;
            }
            if (withContacts < policy.MinimumEngagements) return Measure.Unknown(P, MeasureCodes.ThreadConcentration, weight);

            var busiest = engagementsPerContact.Values.Max();
            var contacts = engagementsPerContact.Count;
            var share = (decimal)busiest / withContacts;
            // Up to half of the engagements with one person is healthy; all of them is a single thread.
            var score = share <= 0.5m ? 100m : (1m - share) / 0.5m * 100m;
            var reason = share >= policy.SingleThreadedShare || contacts == 1 || Measure.IsWeak(score) ? ReasonCodes.SingleThreaded : ReasonCodes.MultiThreaded;
            return Measure.Known(P, MeasureCodes.ThreadConcentration, weight, score, reason,
                Parameter.Percent(ParameterNames.Share, share), Parameter.Count(ParameterNames.Contacts, contacts));
        }

        private static SubMeasureResult TwoWayEngagement(ScoringContext c, List<Touch> engagements)
        {
            var policy = c.Policy.Familiarity;
            var weight = policy.Weights.TwoWayEngagement;
            // Our own value reports and perks are outbound by nature; they say nothing about who starts the conversation.
            var directed = engagements
                .Where(t => t.Interaction.Direction != InteractionDirection.Unknown
                    && t.Interaction.Kind is not (InteractionKind.ValueReport or InteractionKind.Perk))
                .ToList();
            if (directed.Count < policy.MinimumEngagements) return Measure.Unknown(P, MeasureCodes.TwoWayEngagement, weight);

            var share = (decimal)directed.Count(t => t.Interaction.Direction == InteractionDirection.FromCustomer) / directed.Count;
            var score = Measure.Towards(share, policy.CustomerInitiatedTarget);
            var reason = Measure.IsWeak(score) ? ReasonCodes.MostlyOneWay : ReasonCodes.TwoWayEngagement;
            return Measure.Known(P, MeasureCodes.TwoWayEngagement, weight, score, reason,
                Parameter.Percent(ParameterNames.Share, share), Parameter.Percent(ParameterNames.Target, policy.CustomerInitiatedTarget));
        }

        /// <summary>A customer who recommends us is the strongest outcome signal; not being one is no finding.</summary>
        private static SubMeasureResult ReferenceCustomer(ScoringContext c)
        {
            var weight = c.Policy.Familiarity.Weights.ReferenceCustomer;
            return c.Account.IsReference == true
                ? Measure.Known(P, MeasureCodes.ReferenceCustomer, weight, 100m, ReasonCodes.ActsAsReference)
                : Measure.Unknown(P, MeasureCodes.ReferenceCustomer, weight);
        }
    }
}
