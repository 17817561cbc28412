using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class FetchXmlCacheTests
    {
        // Every property of the parsed model set to something other than its default by one of the two, each with values to fill in.
        private const string Paged =
            "<fetch distinct='true' count='50' page='2' paging-cookie='&lt;cookie page=\"1\"&gt;&lt;/cookie&gt;' returntotalrecordcount='true'>" +
            "<entity name='activitypointer'><attribute name='subject' alias='s'/><all-attributes/>" +
            "<order attribute='subject' descending='true'/><order alias='s' entityname='c'/>" +
            "<filter type='and'><condition attribute='regardingobjectid' operator='eq' value='{0}'/>" +
            "<filter type='or' hint='union'><condition entityname='c' attribute='parentcustomerid' operator='eq' value='{0}'/>" +
            "<condition attribute='actualend' operator='between'><value>{1}</value><value>{2}</value></condition></filter>" +
            "<condition attribute='activitytypecode' operator='in'><value>email</value><value>phonecall</value></condition></filter>" +
            "<link-entity name='contact' from='contactid' to='regardingobjectid' alias='c' link-type='outer'><attribute name='fullname'/>" +
            "<filter><condition attribute='statecode' operator='eq' value='0'/></filter></link-entity></entity></fetch>";

        private const string Aggregate =
            "<fetch aggregate='true' top='5'><entity name='account'>" +
            "<attribute name='accountid' aggregate='countcolumn' distinct='true' alias='n'/><attribute name='industrycode' groupby='true' alias='i'/>" +
            "<filter><condition attribute='createdon' operator='on-or-after' value='{1}'/><condition attribute='ownerid' operator='ne' value='{0}'/></filter></entity></fetch>";

        // Written by the evaluator into the copy it runs, never by a parse: a parsed tree holds their defaults.
        private static readonly string[] SetByTheEvaluator = { "EntityNode.Slot", "EntityNode.EffectiveAlias", "AttributeNode.ResultName", "ConditionNode.Slot", "OrderNode.Slot" };

        private static string Fill(string shape, Guid id, DateTime from, DateTime to) =>
            string.Format(shape, id, from.ToString("o"), to.ToString("o"));

        [Test]
        public void A_query_of_a_shape_parsed_before_is_copied_with_its_own_values_and_equals_its_own_parse()
        {
            var cache = new FetchXmlCache();
            var trees = new QueryTrees();
            foreach (var shape in new[] { Paged, Aggregate })
            {
                var first = Fill(shape, Guid.NewGuid(), new DateTime(2024, 1, 1), new DateTime(2024, 6, 30));
                var second = Fill(shape, Guid.NewGuid(), new DateTime(2025, 2, 3), new DateTime(2025, 8, 9));

                var firstTree = cache.Parse(first, out var firstReused);
                var secondTree = cache.Parse(second, out var secondReused);

                Assert.That((firstReused, secondReused), Is.EqualTo((false, true)));
                trees.Compare(FetchXmlParser.Parse(first), firstTree).Compare(FetchXmlParser.Parse(second), secondTree);
            }

            Assert.That(trees.Differences, Is.Empty);
            // The comparison saw every property hold a value, so a property the copy leaves out cannot pass unseen.
            Assert.That(QueryTrees.ModelProperties().Except(SetByTheEvaluator).Except(trees.Seen), Is.Empty);
        }

        [Test]
        public void The_comparison_of_trees_names_a_property_the_copy_lost()
        {
            var text = Fill(Paged, Guid.NewGuid(), new DateTime(2024, 1, 1), new DateTime(2024, 6, 30));
            var copy = new FetchXmlCache().Parse(text);
            copy.Root.Links[0].Outer = false;
            copy.Root.Filter!.Filters[0].Conditions[1].EntityName = "c";

            var differences = new QueryTrees().Compare(FetchXmlParser.Parse(text), copy).Differences;

            Assert.That(differences, Is.EquivalentTo(new[] { "query.Root.Links[0].Outer: 'True' against 'False'", "query.Root.Filter.Filters[0].Conditions[1].EntityName: null against c" }));
        }

        [Test]
        public void What_the_evaluator_writes_into_a_tree_it_was_given_never_reaches_a_later_copy()
        {
            var cache = new FetchXmlCache();
            var text = Fill(Paged, Guid.NewGuid(), new DateTime(2024, 1, 1), new DateTime(2024, 6, 30));
            var run = cache.Parse(text);
            run.Root.Slot = 3;
            run.Root.EffectiveAlias = "activitypointer1";
            run.Root.Attributes[0].ResultName = "s";
            run.Root.Attributes.Add(new AttributeNode("injected"));
            run.Root.Filter!.Conditions[0].Slot = 2;
            ((object?[])run.Root.Filter.Conditions[0].Values)[0] = "changed";

            var again = cache.Parse(text, out var reused);

            Assert.That(reused, Is.True);
            Assert.That(new QueryTrees().Compare(FetchXmlParser.Parse(text), again).Differences, Is.Empty);
        }

        [Test]
        public void Each_account_s_query_of_one_shape_reads_that_account_s_rows()
        {
            var service = new InMemoryOrganizationService(() => new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            var accounts = Enumerable.Range(0, 3).Select(n => service.Create(new Entity("account") { ["name"] = $"Account {n}" })).ToList();
            foreach (var (account, n) in accounts.Select((a, n) => (a, n)))
            {
                service.Create(new Entity("contact") { ["lastname"] = $"Contact of {n}", ["parentcustomerid"] = new EntityReference("account", account) });
            }

            var names = accounts.Select(account => service.RetrieveMultiple(new FetchExpression(
                    $"<fetch><entity name='contact'><attribute name='lastname'/><filter><condition attribute='parentcustomerid' operator='eq' value='{account}'/></filter></entity></fetch>"))
                .Entities.Single().GetAttributeValue<string>("lastname")).ToList();

            Assert.That(names, Is.EqualTo(new[] { "Contact of 0", "Contact of 1", "Contact of 2" }));
        }

        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='eq' value='a&amp;b'/></filter></entity></fetch>", "a&b", TestName = "A value with a reference is parsed, not copied")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='eq' value='a\nb'/></filter></entity></fetch>", "a b", TestName = "A value with a line break XML turns into a space is parsed, not copied")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='in'><value>   </value></condition></filter></entity></fetch>", "", TestName = "A value of spaces alone is parsed, not copied")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='in'><value><![CDATA[x]]></value></condition></filter></entity></fetch>", "x", TestName = "A value in CDATA is parsed, not copied")]
        [TestCase("<!DOCTYPE fetch [<!ATTLIST condition value CDATA 'x'>]><fetch><entity name='account'><filter><condition attribute='name' operator='eq'/></filter></entity></fetch>", "x", TestName = "A document with a DTD is parsed, not copied")]
        [TestCase("<f:fetch xmlns:f='urn:x'><f:entity name='account'><f:filter><f:condition attribute='name' operator='eq' value='x'/></f:filter></f:entity></f:fetch>", "x", TestName = "Prefixed names are parsed, not copied")]
        public void A_query_outside_the_plain_form_is_parsed_every_time_and_reads_as_XML_says(string text, string value)
        {
            var cache = new FetchXmlCache();
            cache.Parse(text, out var firstReused);
            var second = cache.Parse(text, out var secondReused);

            Assert.That((firstReused, secondReused), Is.EqualTo((false, false)));
            Assert.That(second.Root.Filter!.Conditions[0].Values, Is.EqualTo(new object[] { value }));
        }

        [Test]
        public void A_declaration_and_comments_keep_a_query_in_the_plain_form()
        {
            var cache = new FetchXmlCache();
            const string shape = "<?xml version='1.0'?><!-- the account's contacts --><fetch><entity name='contact'><filter>" +
                                 "<condition attribute='parentcustomerid' operator='eq' value='{0}'/></filter></entity></fetch>";
            var id = Guid.NewGuid();
            cache.Parse(string.Format(shape, Guid.NewGuid()));

            var tree = cache.Parse(string.Format(shape, id), out var reused);

            Assert.That(reused, Is.True);
            Assert.That(tree.Root.Filter!.Conditions.Single().Values, Is.EqualTo(new object[] { id.ToString() }));
        }

        [Test]
        public void A_condition_the_parser_passes_over_keeps_its_shape_from_being_copied()
        {
            // An order's children are not read, so the parse has one value fewer than the text: the two disagree, and the text is parsed.
            var cache = new FetchXmlCache();
            const string shape = "<fetch><entity name='contact'><order attribute='lastname'><condition attribute='a' operator='eq' value='{1}'/></order>" +
                                 "<filter><condition attribute='parentcustomerid' operator='eq' value='{0}'/></filter></entity></fetch>";
            cache.Parse(string.Format(shape, Guid.NewGuid(), "x"));
            var id = Guid.NewGuid();

            var tree = cache.Parse(string.Format(shape, id, "y"), out var reused);

            Assert.That(reused, Is.False);
            Assert.That(tree.Root.Filter!.Conditions.Single().Values, Is.EqualTo(new object[] { id.ToString() }));
        }

        [Test]
        public void A_query_whose_text_around_its_values_differs_is_parsed()
        {
            var cache = new FetchXmlCache();
            cache.Parse("<fetch><entity name='contact'><filter><condition attribute='parentcustomerid' operator='eq' value='1'/></filter></entity></fetch>");

            var tree = cache.Parse("<fetch><entity name='contact'><filter><condition attribute='parentcustomerid' operator='ne' value='2'/></filter></entity></fetch>", out var reused);

            Assert.That(reused, Is.False);
            Assert.That(tree.Root.Filter!.Conditions.Single().Op, Is.EqualTo(ConditionOp.NotEqual));
        }

        [Test]
        public void A_query_refused_once_is_refused_again_with_the_same_fault()
        {
            var cache = new FetchXmlCache();
            const string missingValue = "<fetch><entity name='account'><filter><condition attribute='name' operator='eq'/></filter></entity></fetch>";

            var first = Assert.Throws<DataverseFault>(() => cache.Parse(missingValue))!;
            var second = Assert.Throws<DataverseFault>(() => cache.Parse(missingValue))!;

            Assert.That(second.Message, Is.EqualTo(first.Message).And.Contains("exactly one value"));
        }

        [Test]
        public void Only_the_most_recently_used_shapes_are_kept()
        {
            var cache = new FetchXmlCache(shapes: 2);
            string Query(string table) => $"<fetch><entity name='{table}'><filter><condition attribute='a' operator='eq' value='{Guid.NewGuid()}'/></filter></entity></fetch>";
            cache.Parse(Query("x"));
            cache.Parse(Query("y"));
            cache.Parse(Query("x"));
            cache.Parse(Query("z"));

            cache.Parse(Query("y"), out var yKept);
            cache.Parse(Query("z"), out var zKept);

            Assert.That((yKept, zKept), Is.EqualTo((false, true)));
        }

        [Test]
        public void The_shape_lists_the_condition_values_in_the_order_the_parser_reads_them()
        {
            var id = Guid.NewGuid();
            var text = Fill(Paged, id, new DateTime(2024, 1, 1), new DateTime(2024, 6, 30));

            var shape = FetchXmlShape.Of(text)!;

            Assert.That(Enumerable.Range(0, shape.Values.Count).Select(index => shape.ValueSpan(index).ToString()), Is.EqualTo(new[]
            {
                id.ToString(), id.ToString(), new DateTime(2024, 1, 1).ToString("o"), new DateTime(2024, 6, 30).ToString("o"), "email", "phonecall", "0",
            }));
        }
    }
}
