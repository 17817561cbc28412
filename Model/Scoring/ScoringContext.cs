using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Classification;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>A completed interaction the scorer can place in time, with what it did for the customer.</summary>
    internal sealed record Touch(Interaction Interaction, InteractionClass Class, DateTime On)
    {
        public bool IsEngagement => Class is InteractionClass.Value or InteractionClass.Service;
        public bool IsValueReport => Interaction.Kind == InteractionKind.ValueReport;
    }

    /// <summary>The facts every measure reads, prepared once per assessment.</summary>
    internal sealed class ScoringContext
    {
        public ScoringContext(AccountSnapshot account, DateTime asOf, LoyaltyPolicy policy, InteractionClassifier classifier)
        {
            Account = account;
            AsOf = asOf;
            Policy = policy;

            var warnings = new List<DataWarning>();
            if (account.CreatedOn > asOf) warnings.Add(new DataWarning(DataWarningCodes.AccountCreatedInFuture, account.AccountId));
            AgeDays = Math.Max(0, (int)(asOf - account.CreatedOn).TotalDays);
            IsEstablished = AgeDays >= policy.Evidence.NewAccountDays;

            var touches = new List<Touch>();
            foreach (var interaction in account.Interactions.OrderBy(i => i.CompletedOn).ThenBy(i => i.Id))
            {
                if (interaction.State != InteractionState.Completed) continue;
                if (interaction.CompletedOn is not { } on)
                {
                    warnings.Add(new DataWarning(DataWarningCodes.InteractionWithoutDate, interaction.Id));
                    continue;
                }
                if (on > asOf)
                {
                    warnings.Add(new DataWarning(DataWarningCodes.InteractionInFuture, interaction.Id));
                    continue;
                }
                if (interaction.ValueAmount < 0 || interaction.PerkCost < 0)
                    warnings.Add(new DataWarning(DataWarningCodes.NegativeAmount, interaction.Id));
                touches.Add(new Touch(interaction, classifier.Classify(interaction), on));
            }

            WindowStart = asOf.AddDays(-policy.WindowDays);
            Touches = touches;
            InWindow = touches.Where(t => t.On > WindowStart).ToList();
            ActiveContacts = account.Contacts
                .Where(c => c.IsActive)
                .GroupBy(c => c.Id)
                .ToDictionary(g => g.Key, g => g.First());
            Warnings = warnings;
            HasEvidence = touches.Count > 0
                || !string.IsNullOrWhiteSpace(account.Goals)
                || account.ServiceAgreement is not null
                || account.UnreadableValues.Count > 0
                || account.IsReference == true
                || account.PastAssessments.Any(p => p.Overall.HasValue);
            AbsenceIsAFinding = IsEstablished && HasEvidence;
        }

        public AccountSnapshot Account { get; }
        public DateTime AsOf { get; }
        public LoyaltyPolicy Policy { get; }
        public int AgeDays { get; }
        /// <summary>Old enough that missing seller inputs are a finding, not a gap in the data.</summary>
        public bool IsEstablished { get; }
        /// <summary>Anything at all is known about the relationship: an interaction ever, or a seller input.</summary>
        public bool HasEvidence { get; }
        /// <summary>
        /// Something missing (no goals, no agreed service level, nobody engaged) counts as a finding
        /// only for an established account with some evidence; otherwise it is a gap in the data,
        /// and an evidence-free account is "not enough data", never "at risk".
        /// </summary>
        public bool AbsenceIsAFinding { get; }
        public DateTime WindowStart { get; }
        /// <summary>Days of the window the account existed for: a young account is not expected to have a year of history.</summary>
        public int ObservedDays => Math.Min(Policy.WindowDays, AgeDays);
        public IReadOnlyList<Touch> Touches { get; }
        public IReadOnlyList<Touch> InWindow { get; }
        public IReadOnlyDictionary<Guid, ContactSnapshot> ActiveContacts { get; }
        public IReadOnlyList<DataWarning> Warnings { get; }

        public IEnumerable<Touch> Engagements => InWindow.Where(t => t.IsEngagement);

        /// <summary>Whether a value is stored for the input that this version could not read.</summary>
        public bool IsUnreadable(SellerInput input) => Account.UnreadableValues.Any(u => u.Input == input);

        /// <summary>The account's active contacts who took part in an interaction, each once, in the order the interaction names them.</summary>
        public List<ContactSnapshot> ContactsOf(Touch touch)
        {
            var ids = touch.Interaction.ContactIds;
            var contacts = new List<ContactSnapshot>(ids.Count);
            for (var i = 0; i < ids.Count; i++)
            {
                if (ActiveContacts.TryGetValue(ids[i], out var contact) && !Holds(contacts, ids[i])) contacts.Add(contact);
            }
            return contacts;
        }

        // An interaction names a few people: a scan beats a set.
        private static bool Holds(List<ContactSnapshot> contacts, Guid id)
        {
            foreach (var contact in contacts)
            {
                if (contact.Id == id) return true;
            }
            return false;
        }
    }
}
