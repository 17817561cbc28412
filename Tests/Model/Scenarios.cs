using System;
using LoyaltyHealth.Model.Input;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>The brief's stories as accounts, shared by the scenario tests and the property tests' seeds.</summary>
    internal static class Scenarios
    {
        /// <summary>Free doughnuts and caps every month for twenty years; one contact; no value, no agreed service level.</summary>
        public static AccountBuilder Doughnuts() => new AccountBuilder()
            .CreatedYearsAgo(20)
            .WithContact(1, "Purchasing", Seniority.Staff)
            .Every(30, 24, (b, i, d) => b.With(InteractionKind.Perk, d, new[] { 1 }, i % 2 == 0 ? "Monthly doughnut delivery" : "Baseball caps for the team", cost: 80))
            .Every(60, 6, (b, i, d) => b.With(InteractionKind.Email, d, new[] { 1 }, "Re: order " + (4711 + i), direction: i % 2 == 0 ? InteractionDirection.FromCustomer : InteractionDirection.FromUs), firstDaysAgo: 10);

        /// <summary>A generous two-hour lunch every Friday with the head of operations; goals last looked at three years ago.</summary>
        public static AccountBuilder FridayLunches() => new AccountBuilder()
            .CreatedYearsAgo(6)
            .WithGoals("Reduce downtime on line 3", reviewedDaysAgo: 1100)
            .WithContact(1, "Operations", Seniority.DecisionMaker)
            .Every(7, 52, (b, _, d) => b.With(InteractionKind.Meeting, d, new[] { 1 }, "Friday lunch at Luigi's", ServiceChannel.InPerson, cost: 140), firstDaysAgo: 3);

        /// <summary>Asked for a detailed in-person meeting every month, and gets exactly that, with value reported every quarter.</summary>
        public static AccountBuilder MonthlyInPerson() => MonthlyInPersonCustomer()
            .Every(30, 14, (b, i, d) => b.With(InteractionKind.Meeting, d, new[] { 1 + i % 5, 1 + (i + 2) % 5 }, "Monthly operations meeting", ServiceChannel.InPerson,
                i % 3 == 0 ? InteractionDirection.FromCustomer : InteractionDirection.FromUs), firstDaysAgo: 5)
            .Every(91, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, new[] { 2 }, "Quarterly value report", ServiceChannel.InPerson, value: 42000m), firstDaysAgo: 20)
            .With(InteractionKind.Meeting, 120, new[] { 3 }, "Improvement proposal: cross-docking in Malmö", ServiceChannel.InPerson)
            .With(InteractionKind.Email, 250, new[] { 5 }, "Insight: freight benchmark for your routes");

        /// <summary>Four years a customer, asked for a detailed in-person meeting every month, five people known.</summary>
        private static AccountBuilder MonthlyInPersonCustomer() => new AccountBuilder()
            .CreatedYearsAgo(4)
            .WithAgreement(ServiceCadence.Monthly, ServiceChannel.InPerson)
            .WithGoals("Cut logistics cost by 8 %; open the Nordic market", reviewedDaysAgo: 60)
            .WithContact(1, "Operations", Seniority.Manager)
            .WithContact(2, "Finance", Seniority.Executive)
            .WithContact(3, "Logistics", Seniority.Staff)
            .WithContact(4, "Operations", Seniority.Staff)
            .WithContact(5, "Purchasing", Seniority.DecisionMaker);

        /// <summary>Asked for a phone call once a quarter, and gets exactly that.</summary>
        public static AccountBuilder QuarterlyPhone() => new AccountBuilder()
            .CreatedYearsAgo(3)
            .WithAgreement(ServiceCadence.Quarterly, ServiceChannel.Phone)
            .WithGoals("Keep uptime above 99.5 %", reviewedDaysAgo: 100)
            .WithContact(1, "IT", Seniority.DecisionMaker)
            .WithContact(2, "Finance", Seniority.Manager)
            .WithContact(3, "IT", Seniority.Staff)
            .Every(91, 5, (b, i, d) => b.With(InteractionKind.PhoneCall, d, new[] { 1 + i % 3 }, "Quarterly service call",
                direction: i % 2 == 0 ? InteractionDirection.FromCustomer : InteractionDirection.FromUs), firstDaysAgo: 15)
            .Every(91, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, new[] { 2 }, "Uptime and savings report", value: 18000m), firstDaysAgo: 16)
            .With(InteractionKind.PhoneCall, 200, new[] { 1 }, "Improvement proposal: automated failover", ServiceChannel.Phone)
            .With(InteractionKind.Email, 300, new[] { 2 }, "Savings insight for your licence renewal");

        /// <summary>The monthly in-person customer served exactly as asked, with nothing logged as a proposal or insight.</summary>
        public static AccountBuilder MonthlyInPersonWithoutProposals() => MonthlyInPerson().Without(IsProposalOrInsight);

        /// <summary>The quarterly phone customer served exactly as asked, with nothing logged as a proposal or insight.</summary>
        public static AccountBuilder QuarterlyPhoneWithoutProposals() => QuarterlyPhone().Without(IsProposalOrInsight);

        private static bool IsProposalOrInsight(Interaction i) =>
            i.Subject is { } subject && (subject.IndexOf("proposal", StringComparison.OrdinalIgnoreCase) >= 0 || subject.IndexOf("insight", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// Asked for a monthly in-person meeting and got one for years; the meetings stopped four months
        /// ago, and only value reports sent by email (no channel recorded) went out since.
        /// </summary>
        public static AccountBuilder InPersonMeetingsStopped() => MonthlyInPersonCustomer()
            .Every(30, 10, (b, i, d) => b.With(InteractionKind.Meeting, d, new[] { 1 + i % 5, 1 + (i + 2) % 5 }, "Monthly operations meeting", ServiceChannel.InPerson,
                i % 3 == 0 ? InteractionDirection.FromCustomer : InteractionDirection.FromUs), firstDaysAgo: 125)
            .Every(60, 6, (b, _, d) => b.With(InteractionKind.ValueReport, d, new[] { 2 }, "Monthly value report", value: 30000m), firstDaysAgo: 20)
            .Every(150, 2, (b, _, d) => b.With(InteractionKind.Meeting, d, new[] { 3 }, "Improvement proposal", ServiceChannel.InPerson), firstDaysAgo: 130);

        /// <summary>
        /// Met in person every month by five of their people; nobody records who asked for the meetings,
        /// so the only interactions with a direction are our own value reports and a perk.
        /// </summary>
        public static AccountBuilder MetMonthlyDirectionUnrecorded() => MonthlyInPersonCustomer()
            .Every(30, 12, (b, i, d) => b.With(InteractionKind.Meeting, d, new[] { 1 + i % 5, 1 + (i + 1) % 5, 1 + (i + 3) % 5 }, "Monthly operations meeting",
                ServiceChannel.InPerson, InteractionDirection.Unknown), firstDaysAgo: 6)
            .Every(91, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, new[] { 2 }, "Quarterly value report", ServiceChannel.InPerson, value: 40000m), firstDaysAgo: 20)
            .With(InteractionKind.Perk, 200, new[] { 1 }, "Christmas gift", cost: 60m);

        /// <summary>Created three weeks ago; two introductory emails.</summary>
        public static AccountBuilder BrandNew() => new AccountBuilder()
            .CreatedDaysAgo(20)
            .WithContact(1, "Purchasing", Seniority.Manager)
            .With(InteractionKind.Email, 18, new[] { 1 }, "Welcome")
            .With(InteractionKind.Email, 10, new[] { 1 }, "Re: Welcome", direction: InteractionDirection.FromCustomer);

        /// <summary>Everything done right, but every conversation is with the same champion.</summary>
        public static AccountBuilder SingleThreaded() => new AccountBuilder()
            .CreatedYearsAgo(3)
            .WithAgreement(ServiceCadence.Monthly, ServiceChannel.Video)
            .WithGoals("Automate invoice matching", reviewedDaysAgo: 45)
            .WithContact(1, "Finance", Seniority.Manager)
            .WithContact(2, "Finance", Seniority.Executive)
            .WithContact(3, "IT", Seniority.Staff)
            .Every(30, 12, (b, i, d) => b.With(InteractionKind.Meeting, d, new[] { 1 }, "Monthly check-in", ServiceChannel.Video,
                i % 2 == 0 ? InteractionDirection.FromCustomer : InteractionDirection.FromUs), firstDaysAgo: 4)
            .Every(91, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, new[] { 1 }, "Value report", ServiceChannel.Video, value: 25000m), firstDaysAgo: 12)
            .Every(150, 2, (b, _, d) => b.With(InteractionKind.Meeting, d, new[] { 1 }, "Improvement proposal", ServiceChannel.Video), firstDaysAgo: 40);

        /// <summary>Tickets, lunches and gifts, next to monthly meetings across the organisation and strong quarterly value.</summary>
        public static AccountBuilder PerksWithStrongValue() => MonthlyInPerson()
            .Every(30, 12, (b, i, d) => b.With(i % 3 == 0 ? InteractionKind.Perk : InteractionKind.Meeting, d, new[] { 1 + i % 5 },
                i % 3 == 0 ? "Season tickets" : i % 3 == 1 ? "Lunch with the operations team" : "Christmas gift basket", cost: 250), firstDaysAgo: 8);
    }
}
