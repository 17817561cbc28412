using System.Collections.Generic;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// Which business events one change of a stored assessment raises: one per transition (entered or left
    /// At risk, became or no longer perk-dependent) and "health declined" when overall health fell by at least
    /// the policy's <c>events.declinePoints</c>. An account never assessed before raises none: its first
    /// assessment is not a change.
    /// </summary>
    public static class BusinessEvents
    {
        public static IReadOnlyList<string> For(bool assessedBefore, IEnumerable<Transition> transitions, int? previousOverall, int? overall, int declinePoints)
        {
            var events = new List<string>();
            if (!assessedBefore) return events;
            foreach (var transition in transitions)
            {
                var name = Name(transition);
                if (name is not null && !events.Contains(name)) events.Add(name);
            }
            if (previousOverall.HasValue && overall.HasValue && previousOverall.Value - overall.Value >= declinePoints)
                events.Add(BusinessEventNames.HealthDeclined);
            return events;
        }

        /// <summary>Whether overall health fell at all, so the policy is read only when a decline may be an event.</summary>
        public static bool MayHaveDeclined(int? previousOverall, int? overall) =>
            previousOverall.HasValue && overall.HasValue && overall.Value < previousOverall.Value;

        private static string? Name(Transition transition)
        {
            switch (transition)
            {
                case Transition.EnteredAtRisk: return BusinessEventNames.EnteredAtRisk;
                case Transition.LeftAtRisk: return BusinessEventNames.LeftAtRisk;
                case Transition.BecamePerkDependent: return BusinessEventNames.BecamePerkDependent;
                case Transition.NoLongerPerkDependent: return BusinessEventNames.NoLongerPerkDependent;
                default: return null;
            }
        }
    }
}
