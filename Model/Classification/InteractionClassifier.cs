using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Classification
{
    /// <summary>
    /// Decides whether an interaction delivered value, served the customer, was a perk, or neither.
    /// What a user logged wins, then the explicit kind, then the words of the subject. Perk words win
    /// over value words: "business review over lunch" is still a lunch.
    /// </summary>
    public sealed class InteractionClassifier
    {
        private readonly WordMatcher _perkWords;
        private readonly WordMatcher _perkLookalikes;
        private readonly WordMatcher _valueWords;

        public InteractionClassifier(ClassificationPolicy policy)
        {
            _perkWords = new WordMatcher(policy.PerkWords.All());
            _perkLookalikes = new WordMatcher(policy.PerkLookalikes.All());
            _valueWords = new WordMatcher(policy.ValueWords.All());
        }

        public InteractionClass Classify(Interaction interaction)
        {
            if (interaction.LoggedClass is { } logged) return logged;
            switch (interaction.Kind)
            {
                case InteractionKind.ValueReport: return InteractionClass.Value;
                case InteractionKind.Perk: return InteractionClass.Perk;
            }
            var words = TextNormalizer.Tokens(interaction.Subject ?? "");
            if (IsPerk(words)) return InteractionClass.Perk;
            if (_valueWords.Find(words).Any()) return InteractionClass.Value;
            return interaction.Kind is InteractionKind.Meeting or InteractionKind.PhoneCall or InteractionKind.Email
                ? InteractionClass.Service
                : InteractionClass.Neutral;
        }

        /// <summary>A perk word counts unless it is part of a business lookalike ("support ticket").</summary>
        private bool IsPerk(IReadOnlyList<string> words)
        {
            var lookalikes = _perkLookalikes.Find(words).ToList();
            return _perkWords.Find(words).Any(perk => !lookalikes.Any(perk.Within));
        }
    }
}
