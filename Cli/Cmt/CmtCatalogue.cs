using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>A table the tool imports and exports, with every column it accepts.</summary>
    public sealed class KnownTable
    {
        private readonly Dictionary<string, KnownField> _fields;

        public KnownTable(string name, string displayName, int typeCode, string primaryId, string primaryName, bool isActivity, IEnumerable<KnownField> fields,
            IEnumerable<string>? carried = null)
        {
            Carried = (carried ?? Enumerable.Empty<string>()).ToList();
            Name = name;
            DisplayName = displayName;
            TypeCode = typeCode;
            PrimaryId = primaryId;
            PrimaryName = primaryName;
            IsActivity = isActivity;
            Fields = fields.ToList();
            _fields = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        }

        public string Name { get; }
        public string DisplayName { get; }
        public int TypeCode { get; }
        public string PrimaryId { get; }
        public string PrimaryName { get; }
        public bool IsActivity { get; }
        public IReadOnlyList<KnownField> Fields { get; }

        /// <summary>Columns accepted because exports carry them, though the model does not read them.</summary>
        public IReadOnlyList<string> Carried { get; }

        public KnownField? Field(string name) => _fields.TryGetValue(name, out var field) ? field : null;
    }

    /// <summary>
    /// The tables and columns a Configuration Migration file may hold for this tool: accounts, contacts
    /// and the activity tables the model reads, each with the columns the product reads or writes and
    /// the common standard columns exports carry. Anything else is reported rather than guessed at.
    /// </summary>
    public static class CmtCatalogue
    {
        private static readonly string[] Owners = { "systemuser", "team" };
        private static readonly string[] Regarding = { AccountSchema.EntityName, ContactSchema.EntityName, OpportunitySchema.EntityName };

        // Declared before the tables: static fields are initialised in text order.

        /// <summary>How each activity column the model reads (see <see cref="ActivityTables"/>) is written in a Configuration Migration file.</summary>
        private static readonly IReadOnlyDictionary<string, KnownField> ReadActivityColumns = new[]
        {
            new KnownField(ActivitySchema.DirectionCode, "Direction", FieldKind.Boolean),
            new KnownField(ActivitySchema.InteractionClass, "Interaction Class", FieldKind.Choice),
            new KnownField(ActivitySchema.Channel, "Channel", FieldKind.Choice),
            new KnownField(ActivitySchema.FollowUpReason, "Follow-up Reason", FieldKind.Choice),
            new KnownField(ValueReportSchema.ValueAmount, "Value Delivered", FieldKind.Money),
            new KnownField(ValueReportSchema.ReportedToId, "Reported To", FieldKind.Lookup, new[] { ContactSchema.EntityName }),
            new KnownField(PerkSchema.Cost, "Cost", FieldKind.Money),
            Party("from", "From"), Party("to", "To"), Party("cc", "Cc"), Party("bcc", "Bcc"), Party("organizer", "Organizer"),
            Party("requiredattendees", "Required Attendees"), Party("optionalattendees", "Optional Attendees"), Party("customers", "Customers"),
        }.ToDictionary(f => f.Name, StringComparer.Ordinal);

        /// <summary>Party lists a table labels its own way.</summary>
        private static readonly IReadOnlyDictionary<string, KnownField[]> OwnLabels = new Dictionary<string, KnownField[]>(StringComparer.Ordinal)
        {
            [ActivitySchema.PhoneCall] = new[] { Party("from", "Call From"), Party("to", "Call To") },
        };

        /// <summary>What every activity export carries, in the order files list it; the ones the model does not read are <see cref="CarriedByEveryActivity"/>.</summary>
        private static KnownField[] EveryActivity(string display) => new[]
        {
            new KnownField(ActivitySchema.Id, display, FieldKind.Id),
            new KnownField(ActivitySchema.Subject, "Subject", FieldKind.Text),
            new KnownField(ActivitySchema.Description, "Description", FieldKind.Text),
            new KnownField(ActivitySchema.RegardingObjectId, "Regarding", FieldKind.Lookup, Regarding),
            new KnownField(ActivitySchema.StateCode, "Activity Status", FieldKind.State),
            new KnownField(ActivitySchema.StatusCode, "Status Reason", FieldKind.Status),
            new KnownField("actualstart", "Actual Start", FieldKind.DateTime),
            new KnownField(ActivitySchema.ActualEnd, "Actual End", FieldKind.DateTime),
            new KnownField("scheduledstart", "Start Date", FieldKind.DateTime),
            new KnownField(ActivitySchema.ScheduledEnd, "Due Date", FieldKind.DateTime),
            new KnownField("prioritycode", "Priority", FieldKind.Choice),
            new KnownField(ActivitySchema.OwnerId, "Owner", FieldKind.Lookup, Owners),
            new KnownField("createdon", "Created On", FieldKind.DateTime),
            new KnownField("overriddencreatedon", "Record Created On", FieldKind.DateTime),
            new KnownField(ActivitySchema.ModifiedOn, "Modified On", FieldKind.DateTime),
        };

        /// <summary>Columns every activity export carries that the model does not read: accepted, stored, never scored.</summary>
        private static readonly string[] CarriedByEveryActivity =
        {
            ActivitySchema.Description, ActivitySchema.StatusCode, "actualstart", "scheduledstart", "prioritycode", ActivitySchema.OwnerId,
            "createdon", "overriddencreatedon",
        };

        public static readonly KnownTable Account = new(AccountSchema.EntityName, "Account", 1, AccountSchema.Id, AccountSchema.Name, false, new[]
        {
            new KnownField(AccountSchema.Id, "Account", FieldKind.Id),
            new KnownField(AccountSchema.Name, "Account Name", FieldKind.Text),
            new KnownField("accountnumber", "Account Number", FieldKind.Text),
            new KnownField("telephone1", "Main Phone", FieldKind.Text),
            new KnownField("emailaddress1", "Email", FieldKind.Text),
            new KnownField("websiteurl", "Website", FieldKind.Text),
            new KnownField("address1_city", "Address 1: City", FieldKind.Text),
            new KnownField("address1_country", "Address 1: Country/Region", FieldKind.Text),
            new KnownField("description", "Description", FieldKind.Text),
            new KnownField("industrycode", "Industry", FieldKind.Choice),
            new KnownField("revenue", "Annual Revenue", FieldKind.Money),
            new KnownField("numberofemployees", "Number of Employees", FieldKind.WholeNumber),
            new KnownField("parentaccountid", "Parent Account", FieldKind.Lookup, new[] { AccountSchema.EntityName }),
            new KnownField("primarycontactid", "Primary Contact", FieldKind.Lookup, new[] { ContactSchema.EntityName }),
            new KnownField(AccountSchema.OwnerId, "Owner", FieldKind.Lookup, Owners),
            new KnownField(AccountSchema.StateCode, "Status", FieldKind.State),
            new KnownField("statuscode", "Status Reason", FieldKind.Status),
            new KnownField(AccountSchema.CreatedOn, "Created On", FieldKind.DateTime),
            new KnownField("overriddencreatedon", "Record Created On", FieldKind.DateTime),
            new KnownField("modifiedon", "Modified On", FieldKind.DateTime),
            new KnownField(AccountSchema.ServiceCadence, "Agreed Service Cadence", FieldKind.Choice),
            new KnownField(AccountSchema.PreferredChannel, "Preferred Channel", FieldKind.Choice),
            new KnownField(AccountSchema.CustomerGoals, "Customer Goals and Needs", FieldKind.Text),
            new KnownField(AccountSchema.GoalsReviewedOn, "Goals Reviewed On", FieldKind.DateTime),
            new KnownField(AccountSchema.IsReference, "Acts as Reference", FieldKind.Boolean),
            // Computed columns may come along from an environment that already runs the product; the
            // column guard takes them out of the save and the recalculation writes its own.
            new KnownField(AccountSchema.UnderstandingScore, "Understanding", FieldKind.WholeNumber),
            new KnownField(AccountSchema.FamiliarityScore, "Familiarity", FieldKind.WholeNumber),
            new KnownField(AccountSchema.ServiceScore, "Service", FieldKind.WholeNumber),
            new KnownField(AccountSchema.OverallHealth, "Loyalty Health", FieldKind.WholeNumber),
            new KnownField(AccountSchema.HealthBand, "Health Band", FieldKind.Choice),
            new KnownField(AccountSchema.HealthTrend, "Health Trend", FieldKind.Choice),
            new KnownField(AccountSchema.PerkDependent, "Perk-Dependent", FieldKind.Boolean),
            new KnownField(AccountSchema.PerkShare, "Perk Share", FieldKind.Decimal),
            new KnownField(AccountSchema.HealthReasons, "Health Reasons", FieldKind.Text),
            new KnownField(AccountSchema.ReasonCodes, "Health Reason Codes", FieldKind.Text),
            new KnownField(AccountSchema.NextBestActions, "Next Best Actions", FieldKind.Text),
            new KnownField(AccountSchema.ActionCodes, "Next Best Action Codes", FieldKind.Text),
            new KnownField(AccountSchema.HealthScoredOn, "Health Scored On", FieldKind.DateTime),
            new KnownField(AccountSchema.HealthDataAsOf, "Health Data As Of", FieldKind.DateTime),
            new KnownField(AccountSchema.TrendBaselineOn, "Trend Baseline On", FieldKind.DateTime),
            new KnownField(AccountSchema.TrendBaselineHealth, "Trend Baseline Health", FieldKind.WholeNumber),
            new KnownField(AccountSchema.TrendCandidateOn, "Trend Candidate On", FieldKind.DateTime),
            new KnownField(AccountSchema.TrendCandidateHealth, "Trend Candidate Health", FieldKind.WholeNumber),
        });

        public static readonly KnownTable Contact = new(ContactSchema.EntityName, "Contact", 2, ContactSchema.Id, "fullname", false, new[]
        {
            new KnownField(ContactSchema.Id, "Contact", FieldKind.Id),
            new KnownField("fullname", "Full Name", FieldKind.Text),
            new KnownField("firstname", "First Name", FieldKind.Text),
            new KnownField("lastname", "Last Name", FieldKind.Text),
            new KnownField("jobtitle", "Job Title", FieldKind.Text),
            new KnownField("emailaddress1", "Email", FieldKind.Text),
            new KnownField("telephone1", "Business Phone", FieldKind.Text),
            new KnownField("description", "Description", FieldKind.Text),
            new KnownField(ContactSchema.ParentCustomerId, "Company Name", FieldKind.Lookup, new[] { AccountSchema.EntityName, ContactSchema.EntityName }),
            new KnownField(ContactSchema.Department, "Department", FieldKind.Text),
            new KnownField(ContactSchema.AccountRoleCode, "Role", FieldKind.Choice),
            new KnownField("ownerid", "Owner", FieldKind.Lookup, Owners),
            new KnownField(ContactSchema.StateCode, "Status", FieldKind.State),
            new KnownField("statuscode", "Status Reason", FieldKind.Status),
            new KnownField("createdon", "Created On", FieldKind.DateTime),
            new KnownField("overriddencreatedon", "Record Created On", FieldKind.DateTime),
            new KnownField("modifiedon", "Modified On", FieldKind.DateTime),
        });

        public static readonly KnownTable Email = Activity(ActivityTables.Email, "Email", 4202);

        public static readonly KnownTable PhoneCall = Activity(ActivityTables.PhoneCall, "Phone Call", 4210,
            new KnownField("phonenumber", "Phone Number", FieldKind.Text));

        public static readonly KnownTable Appointment = Activity(ActivityTables.Appointment, "Appointment", 4201,
            new KnownField("location", "Location", FieldKind.Text));

        /// <summary>An environment running the product links its follow-up tasks to the assessment that opened them; the model never reads the link.</summary>
        public static readonly KnownTable Task = Activity(ActivityTables.Task, "Task", 4212,
            new KnownField(TaskSchema.HealthAssessmentId, "Health Assessment", FieldKind.Lookup, new[] { HealthAssessmentSchema.EntityName }));

        public static readonly KnownTable ValueReport = Activity(ActivityTables.ValueReport, "Value Report", 10001,
            new KnownField(ValueReportSchema.Measure, "Measure", FieldKind.Text));

        public static readonly KnownTable Perk = Activity(ActivityTables.Perk, "Perk", 10002,
            new KnownField(PerkSchema.PerkKind, "Perk Kind", FieldKind.Choice));

        /// <summary>Opportunities matter only as the link from an activity regarding one to the account it counts toward.</summary>
        public static readonly KnownTable Opportunity = new(OpportunitySchema.EntityName, "Opportunity", 3, OpportunitySchema.Id, "name", false, new[]
        {
            new KnownField(OpportunitySchema.Id, "Opportunity", FieldKind.Id),
            new KnownField("name", "Topic", FieldKind.Text),
            new KnownField(OpportunitySchema.ParentAccountId, "Account", FieldKind.Lookup, new[] { AccountSchema.EntityName }),
        }.Concat(Owned()));

        /// <summary>
        /// The product's own history (one row per change of an account's assessment): an export from an
        /// environment that runs the product carries it, and it becomes the previous assessments offline.
        /// </summary>
        public static readonly KnownTable HealthAssessment = new(HealthAssessmentSchema.EntityName, "Health Assessment", 10003, HealthAssessmentSchema.Id, HealthAssessmentSchema.Name, false, new[]
        {
            new KnownField(HealthAssessmentSchema.Id, "Health Assessment", FieldKind.Id),
            new KnownField(HealthAssessmentSchema.Name, "Name", FieldKind.Text),
            new KnownField(HealthAssessmentSchema.AccountId, "Account", FieldKind.Lookup, new[] { AccountSchema.EntityName }),
            new KnownField(HealthAssessmentSchema.AssessedOn, "Assessed On", FieldKind.DateTime),
            new KnownField(HealthAssessmentSchema.UnderstandingScore, "Understanding", FieldKind.WholeNumber),
            new KnownField(HealthAssessmentSchema.FamiliarityScore, "Familiarity", FieldKind.WholeNumber),
            new KnownField(HealthAssessmentSchema.ServiceScore, "Service", FieldKind.WholeNumber),
            new KnownField(HealthAssessmentSchema.OverallHealth, "Loyalty Health", FieldKind.WholeNumber),
            new KnownField(HealthAssessmentSchema.HealthBand, "Health Band", FieldKind.Choice),
            new KnownField(HealthAssessmentSchema.HealthTrend, "Health Trend", FieldKind.Choice),
            new KnownField(HealthAssessmentSchema.PerkDependent, "Perk-Dependent", FieldKind.Boolean),
            new KnownField(HealthAssessmentSchema.PerkShare, "Perk Share", FieldKind.Decimal),
            new KnownField(HealthAssessmentSchema.ReasonCodes, "Health Reason Codes", FieldKind.Text),
        }.Concat(Owned()));

        /// <summary>In the order records are imported: parents before the rows that point at them.</summary>
        public static readonly IReadOnlyList<KnownTable> Tables = new[] { Account, Contact, Opportunity, Email, PhoneCall, Appointment, Task, ValueReport, Perk, HealthAssessment };

        public static KnownTable? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);

        /// <summary>Owner, status and audit dates, as every user-owned table has them.</summary>
        private static KnownField[] Owned() => new[]
        {
            new KnownField("ownerid", "Owner", FieldKind.Lookup, Owners),
            new KnownField("statecode", "Status", FieldKind.State),
            new KnownField("statuscode", "Status Reason", FieldKind.Status),
            new KnownField("createdon", "Created On", FieldKind.DateTime),
            new KnownField("overriddencreatedon", "Record Created On", FieldKind.DateTime),
            new KnownField("modifiedon", "Modified On", FieldKind.DateTime),
        };


        private static KnownField Party(string name, string display) => new(name, display, FieldKind.PartyList);

        /// <summary>
        /// An activity table: what every activity carries, the columns the model reads from this one (from its
        /// <see cref="ActivityTable"/>) and, in <paramref name="carried"/>, columns its exports carry that the model does not read.
        /// </summary>
        private static KnownTable Activity(ActivityTable table, string display, int typeCode, params KnownField[] carried)
        {
            var labels = OwnLabels.TryGetValue(table.Name, out var own) ? own : new KnownField[0];
            KnownField Read(string column) =>
                labels.FirstOrDefault(f => f.Name == column)
                ?? (ReadActivityColumns.TryGetValue(column, out var field) ? field
                    : throw new InvalidOperationException($"ActivityTables.{table.Name} reads '{column}', which CmtCatalogue.ReadActivityColumns does not describe"));
            var interactionClass = table.Columns.Where(c => c == ActivitySchema.InteractionClass);
            var specific = table.Columns.Where(c => c != ActivitySchema.InteractionClass).Concat(table.ContactLookups);
            var fields = EveryActivity(display)
                .Concat(interactionClass.Select(Read))
                .Concat(carried)
                .Concat(specific.Select(Read))
                .Concat(table.PartyLists.Select(Read));
            return new(table.Name, display, typeCode, ActivitySchema.Id, ActivitySchema.Subject, true, fields,
                CarriedByEveryActivity.Concat(carried.Select(f => f.Name)));
        }
    }
}
