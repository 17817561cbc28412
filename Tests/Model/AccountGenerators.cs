using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using LoyaltyHealth.Model.Input;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>Random but plausible accounts, including odd data: missing dates, unknown contacts, open and canceled activities.</summary>
    internal static class AccountGenerators
    {
        private static readonly string[] Subjects =
        {
            "Quarterly planning", "Re: order", "Lunch with the team", "Tickets for the final", "Improvement proposal",
            "Mittagessen", "Verbesserungsvorschlag", "Etentje", "Frokost", "Lounas", "Check-in", "Value review", "", null!,
        };

        private static readonly string?[] Departments = { "Finance", "IT", "Operations", "Purchasing", null, "  " };

        public static readonly DateTime AsOf = AccountBuilder.AsOf;

        private static Gen<ContactSnapshot> Contact(int n) =>
            from department in Gen.Elements(Departments)
            from seniority in Gen.Elements(Enum.GetValues(typeof(Seniority)).Cast<Seniority>().ToArray())
            from active in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
            select new ContactSnapshot { Id = Ids.Contact(n), Department = department, Seniority = seniority, IsActive = active };

        public static Gen<Interaction> Interaction(int n, int maxContact) =>
            from kind in Gen.Elements(Enum.GetValues(typeof(InteractionKind)).Cast<InteractionKind>().ToArray())
            from direction in Gen.Elements(Enum.GetValues(typeof(InteractionDirection)).Cast<InteractionDirection>().ToArray())
            from state in Gen.Frequency((8, Gen.Constant(InteractionState.Completed)), (1, Gen.Constant(InteractionState.Open)), (1, Gen.Constant(InteractionState.Canceled)))
            from daysAgo in Gen.Frequency((12, Gen.Choose(0, 800).Select(d => (int?)d)), (1, Gen.Constant((int?)null)), (1, Gen.Constant((int?)-5)))
            from contacts in Gen.Choose(0, maxContact + 1).ArrayOf().Select(a => a.Take(4).Distinct().Select(Ids.Contact).ToList())
            from subject in Gen.Elements(Subjects)
            from channel in Gen.Elements(Enum.GetValues(typeof(ServiceChannel)).Cast<ServiceChannel>().ToArray())
            from value in Gen.Frequency((2, Gen.Constant((decimal?)null)), (3, Gen.Choose(0, 100000).Select(v => (decimal?)v)))
            from cost in Gen.Frequency((2, Gen.Constant((decimal?)null)), (3, Gen.Choose(0, 2000).Select(v => (decimal?)v)))
            from logged in Gen.Frequency((6, Gen.Constant((InteractionClass?)null)), (1, Gen.Elements(Enum.GetValues(typeof(InteractionClass)).Cast<InteractionClass>().Select(c => (InteractionClass?)c).ToArray())))
            select new Interaction
            {
                Id = Ids.Interaction(n),
                Kind = kind,
                Direction = direction,
                State = state,
                CompletedOn = daysAgo is { } d ? AsOf.AddDays(-d).AddMinutes(n) : null,
                ContactIds = contacts,
                Subject = subject,
                Channel = channel,
                ValueAmount = kind == InteractionKind.ValueReport ? value : null,
                PerkCost = kind == InteractionKind.Perk || kind == InteractionKind.Meeting ? cost : null,
                LoggedClass = logged,
            };

        public static Gen<AccountSnapshot> Account(bool withAgreement = false) =>
            from ageDays in Gen.Frequency((1, Gen.Choose(0, 120)), (4, Gen.Choose(120, 4000)))
            from cadence in Gen.Elements(Enum.GetValues(typeof(ServiceCadence)).Cast<ServiceCadence>().ToArray())
            from channel in Gen.Elements(Enum.GetValues(typeof(ServiceChannel)).Cast<ServiceChannel>().ToArray())
            from hasAgreement in withAgreement ? Gen.Constant(true) : Gen.Elements(true, false)
            from goals in Gen.Elements<string?>(null, "", "Cut cost", "Grow in the Nordics")
            from reviewedDaysAgo in Gen.Frequency((1, Gen.Constant((int?)null)), (3, Gen.Choose(0, 900).Select(d => (int?)d)))
            from reference in Gen.Elements<bool?>(null, false, true)
            from contactCount in Gen.Choose(0, 8)
            from contacts in Gen.CollectToArray(Enumerable.Range(1, contactCount), Contact)
            from unreadableInput in Gen.Frequency((8, Gen.Constant((SellerInput?)null)),
                (withAgreement ? 0 : 1, Gen.Constant((SellerInput?)SellerInput.ServiceCadence)), (1, Gen.Constant((SellerInput?)SellerInput.ServiceChannel)))
            let unreadable = unreadableInput is { } input ? new[] { new UnreadableValue(input, 100000099) } : Array.Empty<UnreadableValue>()
            from interactionCount in Gen.Choose(0, 60)
            from interactions in Gen.CollectToArray(Enumerable.Range(1, interactionCount), n => Interaction(n, contactCount))
            select new AccountSnapshot
            {
                AccountId = Ids.Account,
                CreatedOn = AsOf.AddDays(-ageDays),
                // As the mapper delivers it: an unreadable cadence leaves no agreement, an unreadable channel leaves "unknown".
                ServiceAgreement = !hasAgreement || unreadable.Any(u => u.Input == SellerInput.ServiceCadence) ? null
                    : new ServiceAgreement(cadence, unreadable.Length > 0 ? ServiceChannel.Unknown : channel),
                UnreadableValues = unreadable,
                Goals = goals,
                GoalsReviewedOn = reviewedDaysAgo is { } r ? AsOf.AddDays(-r) : null,
                IsReference = reference,
                Contacts = contacts.ToList(),
                Interactions = interactions.ToList(),
            };
    }
}
