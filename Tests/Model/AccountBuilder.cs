using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>Fixed ids, so a failing scenario names the same records every run.</summary>
    internal static class Ids
    {
        public static readonly Guid Account = new("a0000000-0000-0000-0000-000000000001");
        public static Guid Contact(int n) => new($"c0000000-0000-0000-0000-{n:D12}");
        public static Guid Interaction(int n) => new($"e0000000-0000-0000-0000-{n:D12}");
    }

    /// <summary>Builds account snapshots with valid defaults: a five-year-old account with nothing recorded.</summary>
    internal sealed class AccountBuilder
    {
        public static readonly DateTime AsOf = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        private readonly List<ContactSnapshot> _contacts = new();
        private readonly List<Interaction> _interactions = new();
        private readonly List<PastAssessment> _history = new();
        private DateTime _createdOn = AsOf.AddYears(-5);
        private ServiceAgreement? _agreement;
        private string? _goals;
        private DateTime? _goalsReviewedOn;
        private bool? _isReference;

        public AccountBuilder CreatedDaysAgo(int days) { _createdOn = AsOf.AddDays(-days); return this; }
        public AccountBuilder CreatedYearsAgo(int years) { _createdOn = AsOf.AddYears(-years); return this; }
        public AccountBuilder WithAgreement(ServiceCadence cadence, ServiceChannel channel) { _agreement = new ServiceAgreement(cadence, channel); return this; }
        public AccountBuilder WithGoals(string goals, int? reviewedDaysAgo) { _goals = goals; _goalsReviewedOn = reviewedDaysAgo is { } d ? AsOf.AddDays(-d) : null; return this; }
        public AccountBuilder AsReference() { _isReference = true; return this; }

        public AccountBuilder WithContact(int n, string? department = null, Seniority seniority = Seniority.Unknown, bool active = true)
        {
            _contacts.Add(new ContactSnapshot { Id = Ids.Contact(n), Department = department, Seniority = seniority, IsActive = active });
            return this;
        }

        public AccountBuilder WithPast(int daysAgo, int? overall, HealthBand band, bool perkDependent = false)
        {
            _history.Add(new PastAssessment { AssessedOn = AsOf.AddDays(-daysAgo), Overall = overall, Band = band, PerkDependent = perkDependent });
            return this;
        }

        /// <summary>Adds a completed interaction that happened <paramref name="daysAgo"/> days before <see cref="AsOf"/>.</summary>
        public AccountBuilder With(InteractionKind kind, double daysAgo, int[]? contacts = null, string? subject = null,
            ServiceChannel channel = ServiceChannel.Unknown, InteractionDirection direction = InteractionDirection.FromUs,
            decimal? value = null, decimal? cost = null, InteractionClass? logged = null, InteractionState state = InteractionState.Completed)
        {
            _interactions.Add(new Interaction
            {
                Id = Ids.Interaction(_interactions.Count + 1),
                Kind = kind,
                CompletedOn = AsOf.AddDays(-daysAgo),
                ContactIds = (contacts ?? Array.Empty<int>()).Select(Ids.Contact).ToList(),
                Subject = subject,
                Channel = channel,
                Direction = direction,
                ValueAmount = value,
                PerkCost = cost,
                LoggedClass = logged,
                State = state,
            });
            return this;
        }

        public AccountBuilder With(Interaction interaction) { _interactions.Add(interaction); return this; }

        /// <summary>Leaves out the interactions added so far that match, to tell a story's variant.</summary>
        public AccountBuilder Without(Func<Interaction, bool> match) { _interactions.RemoveAll(i => match(i)); return this; }

        /// <summary>One interaction every <paramref name="everyDays"/> days, the newest <paramref name="firstDaysAgo"/> days ago.</summary>
        public AccountBuilder Every(int everyDays, int count, Func<AccountBuilder, int, double, AccountBuilder> add, int firstDaysAgo = 1)
        {
            for (var i = 0; i < count; i++) add(this, i, firstDaysAgo + (double)i * everyDays);
            return this;
        }

        public AccountSnapshot Build() => new()
        {
            AccountId = Ids.Account,
            CreatedOn = _createdOn,
            ServiceAgreement = _agreement,
            Goals = _goals,
            GoalsReviewedOn = _goalsReviewedOn,
            IsReference = _isReference,
            Contacts = _contacts.ToList(),
            Interactions = _interactions.ToList(),
            PastAssessments = _history.ToList(),
        };
    }
}
