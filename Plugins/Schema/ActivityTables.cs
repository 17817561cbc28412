using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;

namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>The activity tables the model reads. Adding a table or a column here is the whole change
    /// (plus the step files the pack regenerates with <c>--write-steps</c>).</summary>
    public static class ActivityTables
    {
        public static readonly ActivityTable Email = new(ActivitySchema.Email, InteractionKind.Email,
            new[] { ActivitySchema.DirectionCode, ActivitySchema.InteractionClass },
            partyLists: new[] { "from", "to", "cc", "bcc" });

        public static readonly ActivityTable PhoneCall = new(ActivitySchema.PhoneCall, InteractionKind.PhoneCall,
            new[] { ActivitySchema.DirectionCode, ActivitySchema.InteractionClass },
            partyLists: new[] { "from", "to" });

        public static readonly ActivityTable Appointment = new(ActivitySchema.Appointment, InteractionKind.Meeting,
            new[] { ActivitySchema.Channel, ActivitySchema.InteractionClass },
            partyLists: new[] { "organizer", "requiredattendees", "optionalattendees" });

        /// <summary>Tasks carrying a follow-up reason are the product's own follow-ups, not part of the relationship.</summary>
        public static readonly ActivityTable Task = new(ActivitySchema.Task, InteractionKind.Task,
            new[] { ActivitySchema.InteractionClass, ActivitySchema.FollowUpReason });

        /// <summary>Who the value was reported to took part in it: its form names that person, not a party list.</summary>
        public static readonly ActivityTable ValueReport = new(ActivitySchema.ValueReport, InteractionKind.ValueReport,
            new[] { ValueReportSchema.ValueAmount, ActivitySchema.Channel, ActivitySchema.InteractionClass },
            contactLookups: new[] { ValueReportSchema.ReportedToId },
            partyLists: new[] { "from", "to", "requiredattendees", "customers" });

        public static readonly ActivityTable Perk = new(ActivitySchema.Perk, InteractionKind.Perk,
            new[] { PerkSchema.Cost, ActivitySchema.InteractionClass },
            partyLists: new[] { "from", "to", "customers" });

        /// <summary>Every activity table whose rows the model reads; the activity steps are registered on each.</summary>
        public static readonly IReadOnlyList<ActivityTable> All = new[] { Email, PhoneCall, Appointment, Task, ValueReport, Perk };

        public static readonly string[] Names = All.Select(t => t.Name).ToArray();

        private static readonly Dictionary<string, ActivityTable> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

        /// <summary>The activity table of that name the model reads; null for any other.</summary>
        public static ActivityTable? Find(string? name) => name is not null && ByName.TryGetValue(name, out var table) ? table : null;
    }
}
