using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class QueryTests
    {
        [Test]
        public void A_new_query_expression_has_an_empty_column_set_an_and_filter_and_no_paging()
        {
            var query = new QueryExpression("account");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(query.EntityName, Is.EqualTo("account"));
                Assert.That(query.ColumnSet.AllColumns, Is.False);
                Assert.That(query.ColumnSet.Columns, Is.Empty);
                Assert.That(query.Criteria.FilterOperator, Is.EqualTo(LogicalOperator.And));
                Assert.That(query.PageInfo.Count, Is.Zero);
                Assert.That(query.PageInfo.PageNumber, Is.Zero);
                Assert.That(query.TopCount, Is.Null);
            }
        }

        [Test]
        public void AddLink_joins_from_the_query_table_with_an_inner_join_by_default()
        {
            var query = new QueryExpression("account");

            var link = query.AddLink("contact", "accountid", "parentcustomerid");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(link.LinkFromEntityName, Is.EqualTo("account"));
                Assert.That(link.LinkToEntityName, Is.EqualTo("contact"));
                Assert.That(link.LinkFromAttributeName, Is.EqualTo("accountid"));
                Assert.That(link.LinkToAttributeName, Is.EqualTo("parentcustomerid"));
                Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.Inner));
                Assert.That(link.Columns.AllColumns, Is.False);
                Assert.That(link.LinkCriteria, Is.Not.Null);
                Assert.That(query.LinkEntities, Has.Count.EqualTo(1), "AddLink also adds the link");
            }
        }

        [Test]
        public void A_nested_AddLink_copies_the_parent_links_from_table_not_its_to_table()
        {
            var link = new LinkEntity("account", "contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);

            var nested = link.AddLink("systemuser", "ownerid", "systemuserid");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(nested.LinkFromEntityName, Is.EqualTo("account"));
                Assert.That(nested.JoinOperator, Is.EqualTo(JoinOperator.Inner));
            }
        }

        [Test]
        public void Condition_constructors_keep_a_single_value_whole_and_expand_arrays_and_collections()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(new ConditionExpression("a", ConditionOperator.Equal, 1).Values, Is.EqualTo(new object[] { 1 }));
                Assert.That(new ConditionExpression("a", ConditionOperator.Equal, (object)null!).Values, Has.Count.EqualTo(1), "a single null is kept as a value");
                Assert.That(new ConditionExpression("a", ConditionOperator.In, 1, 2, 3).Values, Is.EqualTo(new object[] { 1, 2, 3 }));
                Assert.That(new ConditionExpression("a", ConditionOperator.In, new[] { 1, 2 }).Values, Is.EqualTo(new object[] { 1, 2 }));
                Assert.That(new ConditionExpression("a", ConditionOperator.In, new List<int> { 1, 2 }).Values, Is.EqualTo(new object[] { 1, 2 }));
                Assert.That(new ConditionExpression("a", ConditionOperator.In, new[] { "x", "y" }).Values, Is.EqualTo(new object[] { "x", "y" }));
                Assert.That(new ConditionExpression("a", ConditionOperator.Equal, (object[])null!).Values, Is.Empty);
                Assert.That(new ConditionExpression("a", ConditionOperator.Null).Values, Is.Empty);
            }
        }

        [Test]
        public void Condition_constructors_with_an_entity_name_set_it()
        {
            var condition = new ConditionExpression("c", "fullname", ConditionOperator.Equal, "Bob");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(condition.EntityName, Is.EqualTo("c"));
                Assert.That(condition.Values, Is.EqualTo(new object[] { "Bob" }));
                Assert.That(condition.CompareColumns, Is.False);
            }
        }

        [Test]
        public void Filters_add_conditions_and_child_filters()
        {
            var filter = new FilterExpression();
            filter.AddCondition("a", ConditionOperator.Equal, 1);
            filter.AddCondition("c", "b", ConditionOperator.Equal, 2);
            var child = filter.AddFilter(LogicalOperator.Or);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(filter.FilterOperator, Is.EqualTo(LogicalOperator.And));
                Assert.That(filter.Conditions.Select(c => c.EntityName), Is.EqualTo(new[] { null, "c" }));
                Assert.That(filter.Filters.Single(), Is.SameAs(child));
                Assert.That(child.FilterOperator, Is.EqualTo(LogicalOperator.Or));
            }
        }

        [Test]
        public void Column_sets_keep_duplicates_and_accept_a_null_array()
        {
            var columns = new ColumnSet("a");
            columns.AddColumn("a");
            columns.AddColumns("b");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(columns.Columns, Is.EqualTo(new[] { "a", "a", "b" }));
                Assert.That(new ColumnSet((string[])null!).Columns, Is.Empty);
                Assert.That(new ColumnSet(true).AllColumns, Is.True);
            }
        }

        [Test]
        public void Orders_default_to_ascending()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(new OrderExpression().OrderType, Is.EqualTo(OrderType.Ascending));
                Assert.That(new OrderExpression("name", OrderType.Descending, "n").Alias, Is.EqualTo("n"));
            }
        }
    }
}
