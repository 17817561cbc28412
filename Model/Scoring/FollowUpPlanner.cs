using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>Why a follow-up task exists: one open task per account and reason at most.</summary>
    public enum FollowUpReason { AtRisk = 1, PerkDependent = 2 }

    public enum FollowUpStep { Create = 1, Close = 2 }

    public sealed record FollowUpAction(FollowUpStep Step, FollowUpReason Reason);

    /// <summary>
    /// Acts on transitions only, never on a state that merely persists: a task when an account
    /// enters At risk or becomes perk-dependent (unless one is already open for that reason), and
    /// the open ones closed when it recovers.
    /// </summary>
    public static class FollowUpPlanner
    {
        public static IReadOnlyList<FollowUpAction> Plan(IEnumerable<Transition> transitions, IReadOnlyCollection<FollowUpReason> openReasons, FollowUpPolicy policy)
        {
            if (!policy.Enabled) return new FollowUpAction[0];
            var actions = new List<FollowUpAction>();
            foreach (var transition in transitions.Distinct())
            {
                switch (transition)
                {
                    case Transition.EnteredAtRisk when !openReasons.Contains(FollowUpReason.AtRisk):
                        actions.Add(new FollowUpAction(FollowUpStep.Create, FollowUpReason.AtRisk));
                        break;
                    case Transition.BecamePerkDependent when !openReasons.Contains(FollowUpReason.PerkDependent):
                        actions.Add(new FollowUpAction(FollowUpStep.Create, FollowUpReason.PerkDependent));
                        break;
                    case Transition.LeftAtRisk when openReasons.Contains(FollowUpReason.AtRisk):
                        actions.Add(new FollowUpAction(FollowUpStep.Close, FollowUpReason.AtRisk));
                        break;
                    case Transition.NoLongerPerkDependent when openReasons.Contains(FollowUpReason.PerkDependent):
                        actions.Add(new FollowUpAction(FollowUpStep.Close, FollowUpReason.PerkDependent));
                        break;
                }
            }
            return actions;
        }
    }
}
