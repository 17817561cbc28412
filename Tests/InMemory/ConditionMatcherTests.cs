using LoyaltyHealth.InMemory.Query;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class ConditionMatcherTests
    {
        [Test]
        public void A_condition_meeting_columns_of_several_types_reads_its_value_as_each_type_every_time()
        {
            // "3" read as a number for a choice and a whole number, as text for a text column, in turn and then again.
            var three = new ConditionNode("value", ConditionOp.Equal, new object?[] { "3" }, "condition on 'value' with operator 'eq'").Matcher;

            var matched = new[]
            {
                three.Matches(new OptionSetValue(3)), three.Matches("3"), three.Matches(3),
                three.Matches(new OptionSetValue(4)), three.Matches("03"), three.Matches(4),
                three.Matches("3"), three.Matches(3m), three.Matches("3"),
            };

            Assert.That(matched, Is.EqualTo(new[] { true, true, true, false, false, false, true, true, true }));
        }
    }
}
