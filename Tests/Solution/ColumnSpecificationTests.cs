using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The columns have the types, sizes and ranges the model and the plugins rely on.</summary>
    public class ColumnSpecificationTests
    {
        private static string? Child(AttributeRecord a, string name) => a.Element.Element(name)?.Value;

        private static void AssertColumn(string table, string column, string type, params (string Element, string Value)[] details)
        {
            var attribute = SolutionModel.Attribute(table, column);
            Assert.Multiple(() =>
            {
                Assert.That(attribute.Type, Is.EqualTo(type), $"{attribute.File}: <Type> of {column}");
                foreach (var (element, value) in details)
                    Assert.That(Child(attribute, element), Is.EqualTo(value), $"{attribute.File}: <{element}> of {column}");
            });
        }

        private static (string, string)[] Choice(string optionSet) => new[] { ("OptionSetName", optionSet) };
        private static (string, string)[] Text(int length) => new[] { ("MaxLength", length.ToString(CultureInfo.InvariantCulture)) };
        private static readonly (string, string)[] Percentage = { ("MinValue", "0"), ("MaxValue", "100") };
        private static readonly (string, string)[] DateOnly = { ("Format", "date"), ("Behavior", "2") };
        // User local: stored and returned as UTC, which is what the plugins write and compare.
        private static readonly (string, string)[] DateAndTimeUtc = { ("Format", "datetime"), ("Behavior", "1") };

        private static IEnumerable<TestCaseData> AccountColumns()
        {
            TestCaseData Row(string column, string type, params (string, string)[] details) =>
                new TestCaseData(AccountSchema.EntityName, column, type, details).SetName($"account.{column} is {type}");
            yield return Row(AccountSchema.ServiceCadence, "picklist", Choice(OptionValues.CadenceOptionSet));
            yield return Row(AccountSchema.PreferredChannel, "picklist", Choice(OptionValues.ChannelOptionSet));
            yield return Row(AccountSchema.CustomerGoals, "ntext", Text(4000));
            yield return Row(AccountSchema.GoalsReviewedOn, "datetime", DateOnly);
            yield return Row(AccountSchema.IsReference, "bit");
            foreach (var score in new[] { AccountSchema.UnderstandingScore, AccountSchema.FamiliarityScore, AccountSchema.ServiceScore, AccountSchema.OverallHealth })
                yield return Row(score, "int", Percentage);
            yield return Row(AccountSchema.HealthBand, "picklist", Choice(OptionValues.BandOptionSet));
            yield return Row(AccountSchema.HealthTrend, "picklist", Choice(OptionValues.TrendOptionSet));
            yield return Row(AccountSchema.PerkDependent, "bit");
            yield return Row(AccountSchema.PerkShare, "decimal", Percentage.Append(("Accuracy", "2")).ToArray());
            yield return Row(AccountSchema.HealthReasons, "ntext", Text(4000));
            yield return Row(AccountSchema.ReasonCodes, "ntext", Text(10000));
            yield return Row(AccountSchema.NextBestActions, "ntext", Text(4000));
            yield return Row(AccountSchema.ActionCodes, "ntext", Text(10000));
            foreach (var stamp in new[] { AccountSchema.HealthScoredOn, AccountSchema.HealthDataAsOf, AccountSchema.TrendBaselineOn, AccountSchema.TrendCandidateOn })
                yield return Row(stamp, "datetime", DateAndTimeUtc);
            yield return Row(AccountSchema.TrendBaselineHealth, "int");
            yield return Row(AccountSchema.TrendCandidateHealth, "int");
        }

        [TestCaseSource(nameof(AccountColumns))]
        public void Account_column(string table, string column, string type, (string, string)[] details) => AssertColumn(table, column, type, details);

        private static IEnumerable<TestCaseData> ActivityColumns()
        {
            foreach (var table in ActivityTables.Names)
                yield return new TestCaseData(table, ActivitySchema.InteractionClass, "picklist", Choice(OptionValues.ClassOptionSet)).SetName($"{table}.loy_interactionclass");
            yield return new TestCaseData(ActivitySchema.Appointment, ActivitySchema.Channel, "picklist", Choice(OptionValues.ChannelOptionSet)).SetName("appointment.loy_channel");
            yield return new TestCaseData(ActivitySchema.ValueReport, ActivitySchema.Channel, "picklist", Choice(OptionValues.ChannelOptionSet)).SetName("loy_valuereport.loy_channel");
            yield return new TestCaseData(ActivitySchema.Task, ActivitySchema.FollowUpReason, "picklist", Choice(OptionValues.FollowUpReasonOptionSet)).SetName("task.loy_followupreason");
            yield return new TestCaseData(TaskSchema.EntityName, TaskSchema.HealthAssessmentId, "lookup", new[] { ("RequiredLevel", "none") }).SetName("task.loy_healthassessmentid");
            yield return new TestCaseData(ValueReportSchema.EntityName, ValueReportSchema.ValueAmount, "money", System.Array.Empty<(string, string)>()).SetName("loy_valuereport.loy_valueamount");
            yield return new TestCaseData(ValueReportSchema.EntityName, ValueReportSchema.Measure, "nvarchar", Text(500)).SetName("loy_valuereport.loy_measure");
            yield return new TestCaseData(ValueReportSchema.EntityName, ValueReportSchema.ReportedToId, "lookup", System.Array.Empty<(string, string)>()).SetName("loy_valuereport.loy_reportedtoid");
            yield return new TestCaseData(PerkSchema.EntityName, PerkSchema.PerkKind, "picklist", Choice(OptionValues.PerkKindOptionSet)).SetName("loy_perk.loy_perkkind");
            yield return new TestCaseData(PerkSchema.EntityName, PerkSchema.Cost, "money", System.Array.Empty<(string, string)>()).SetName("loy_perk.loy_cost");
        }

        [TestCaseSource(nameof(ActivityColumns))]
        public void Activity_column(string table, string column, string type, (string, string)[] details) => AssertColumn(table, column, type, details);

        [TestCase(ValueReportSchema.EntityName)]
        [TestCase(PerkSchema.EntityName)]
        public void Custom_activity_tables_are_activities_with_subject_as_primary_column(string table)
        {
            var file = $"Entities/{table}/Entity.xml";
            var entity = SolutionSource.Xml(file).Element("EntityInfo")!.Element("entity")!;
            var subject = SolutionModel.Attribute(table, ActivitySchema.Subject);
            Assert.Multiple(() =>
            {
                Assert.That(entity.Element("IsActivity")?.Value, Is.EqualTo("1"), $"{file}: <IsActivity>");
                Assert.That(entity.Element("OwnershipTypeMask")?.Value, Is.EqualTo("UserOwned"), $"{file}: activities are user-owned");
                Assert.That(Child(subject, "DisplayMask"), Does.Contain("PrimaryName"), $"{file}: subject is the primary column");
            });
        }

        [Test]
        public void Reported_to_looks_up_a_contact_and_the_history_cascades_with_its_account()
        {
            var relationships = SolutionSource.Files("Other/Relationships", "*.xml").SelectMany(f => SolutionSource.Xml(f).Elements("EntityRelationship")).ToList();
            var reportedTo = relationships.Single(r => r.Element("ReferencingAttributeName")?.Value.ToLowerInvariant() == ValueReportSchema.ReportedToId);
            var history = relationships.Single(r => r.Element("ReferencingAttributeName")?.Value.ToLowerInvariant() == HealthAssessmentSchema.AccountId);
            Assert.Multiple(() =>
            {
                Assert.That(reportedTo.Element("ReferencedEntityName")?.Value.ToLowerInvariant(), Is.EqualTo(ContactSchema.EntityName));
                Assert.That(reportedTo.Element("ReferencingEntityName")?.Value, Is.EqualTo(ValueReportSchema.EntityName));
                Assert.That(history.Element("ReferencedEntityName")?.Value.ToLowerInvariant(), Is.EqualTo(AccountSchema.EntityName));
                Assert.That(history.Element("ReferencingEntityName")?.Value, Is.EqualTo(HealthAssessmentSchema.EntityName));
                Assert.That(history.Element("CascadeDelete")?.Value, Is.EqualTo("Cascade"), "the history goes when its account goes");
                foreach (var cascade in new[] { "CascadeAssign", "CascadeShare", "CascadeUnshare", "CascadeReparent" })
                    Assert.That(history.Element(cascade)?.Value, Is.EqualTo("Cascade"), $"{cascade}: the history is visible to exactly those who may read its account");
            });
        }

        [Test]
        public void A_follow_up_task_looks_up_the_assessment_that_opened_it_and_outlives_it()
        {
            var relationship = SolutionSource.Files("Other/Relationships", "*.xml").SelectMany(f => SolutionSource.Xml(f).Elements("EntityRelationship"))
                .Single(r => (string?)r.Attribute("Name") == HealthAssessmentSchema.FollowUpTasks);
            Assert.Multiple(() =>
            {
                Assert.That(relationship.Element("EntityRelationshipType")?.Value, Is.EqualTo("OneToMany"));
                Assert.That(relationship.Element("ReferencedEntityName")?.Value, Is.EqualTo(HealthAssessmentSchema.EntityName));
                Assert.That(relationship.Element("ReferencingEntityName")?.Value.ToLowerInvariant(), Is.EqualTo(TaskSchema.EntityName));
                Assert.That(relationship.Element("ReferencingAttributeName")?.Value.ToLowerInvariant(), Is.EqualTo(TaskSchema.HealthAssessmentId));
                Assert.That(relationship.Element("CascadeDelete")?.Value, Is.EqualTo("RemoveLink"), "deleting an assessment row must never delete a user's task");
                foreach (var cascade in new[] { "CascadeAssign", "CascadeShare", "CascadeUnshare", "CascadeReparent", "CascadeRollupView" })
                    Assert.That(relationship.Element(cascade)?.Value, Is.EqualTo("NoCascade"), $"{cascade}: a task keeps its own owner and sharing");
            });
        }

        [TestCase("Account"), TestCase("Email"), TestCase("PhoneCall"), TestCase("Appointment"), TestCase("Task")]
        public void A_system_table_the_solution_adds_columns_to_is_not_marked_unmodified(string table)
        {
            var file = $"Entities/{table}/Entity.xml";
            var entity = SolutionSource.Xml(file).Element("EntityInfo")!.Element("entity")!;
            Assert.That(entity.Attribute("unmodified"), Is.Null, $"{file}: unmodified=\"1\" is what an export writes for a table it does not change");
        }

        [TestCase(HealthAssessmentSchema.EntityName, "loy_healthassessmentid")]
        [TestCase(CustomApiNames.RescoreRequestTable, "loy_rescorerequestid")]
        [TestCase(ValueReportSchema.EntityName, "activityid")]
        [TestCase(PerkSchema.EntityName, "activityid")]
        public void A_new_table_carries_its_system_columns_forms_and_views(string table, string primaryId)
        {
            var file = $"Entities/{table}/Entity.xml";
            var entity = SolutionSource.Xml(file).Element("EntityInfo")!.Element("entity")!;
            var columns = entity.Element("attributes")!.Elements("attribute").Select(a => a.Element("LogicalName")?.Value).ToList();
            // A view made for a form's subgrid (the account's history) comes on top of the system views.
            var views = SolutionSource.Files($"Entities/{table}/SavedQueries", "*.xml").Except(FormSubgridTests.ViewsShownBySubgrids())
                .Select(f => SolutionSource.Xml(f).Element("savedquery")!).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(entity.Element("OwnershipTypeMask")?.Value, Is.EqualTo("UserOwned"), $"{file}: <OwnershipTypeMask>");
                Assert.That(columns, Is.SupersetOf(new[] { primaryId, "ownerid", "owninguser", "owningteam", "owningbusinessunit", "statecode", "statuscode", "createdon", "createdby",
                    "createdonbehalfby", "modifiedon", "modifiedby", "modifiedonbehalfby", "importsequencenumber", "overriddencreatedon", "timezoneruleversionnumber", "utcconversiontimezonecode" }), file);
                foreach (var money in entity.Element("attributes")!.Elements("attribute").Where(a => a.Element("Type")?.Value == "money" && !a.Element("LogicalName")!.Value.EndsWith("_base")))
                    Assert.That(columns, Is.SupersetOf(new[] { "transactioncurrencyid", "exchangerate", money.Element("LogicalName")!.Value + "_base" }), $"{file}: currency columns of a money column");
                foreach (var type in new[] { "main", "quick", "card" })
                    Assert.That(SolutionSource.Files($"Entities/{table}/FormXml/{type}", "*.xml"), Is.Not.Empty, $"{table}: a {type} form");
                // Active (default) and inactive 0, advanced find 1, associated 2, quick find 4, lookup 64.
                Assert.That(views.Select(v => v.Element("querytype")!.Value).OrderBy(q => q), Is.EqualTo(new[] { "0", "0", "1", "2", "4", "64" }), $"{table}: the system views");
                Assert.That(views.Count(v => v.Element("querytype")!.Value == "0" && v.Element("isdefault")!.Value == "1"), Is.EqualTo(1), $"{table}: one default public view");
            });
        }

        /// <summary>Option set of each group of OptionValues constants, by the constants' name prefix.</summary>
        private static readonly (string Prefix, string OptionSet)[] Groups =
        {
            ("Cadence", OptionValues.CadenceOptionSet), ("Channel", OptionValues.ChannelOptionSet), ("Band", OptionValues.BandOptionSet),
            ("Trend", OptionValues.TrendOptionSet), ("Class", OptionValues.ClassOptionSet), ("PerkKind", OptionValues.PerkKindOptionSet),
            ("FollowUp", OptionValues.FollowUpReasonOptionSet),
        };

        [Test]
        public void Global_choices_hold_exactly_the_values_of_OptionValues()
        {
            var constants = typeof(OptionValues).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(int)).ToList();
            Assert.Multiple(() =>
            {
                foreach (var constant in constants)
                    Assert.That(Groups.Any(g => constant.Name.StartsWith(g.Prefix)), Is.True, $"OptionValues.{constant.Name} belongs to no option set this test knows; add its prefix");
                foreach (var (prefix, optionSet) in Groups)
                {
                    var file = $"OptionSets/{optionSet}.xml";
                    var expected = constants.Where(c => c.Name.StartsWith(prefix) && !Groups.Any(g => g.Prefix.Length > prefix.Length && g.Prefix.StartsWith(prefix) && c.Name.StartsWith(g.Prefix)))
                        .Select(c => (int)c.GetRawConstantValue()!).OrderBy(v => v).ToList();
                    var actual = SolutionSource.Xml(file).Element("options")!.Elements("option").Select(o => int.Parse((string)o.Attribute("value")!, CultureInfo.InvariantCulture)).OrderBy(v => v).ToList();
                    Assert.That(actual, Is.EqualTo(expected), $"{file}: option values");
                    Assert.That(actual, Has.All.GreaterThanOrEqualTo(100000000), $"{file}: values start at the publisher's option value prefix 10000");
                }
            });
        }
    }
}
