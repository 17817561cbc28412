using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class ValueTests
    {
        [Test]
        public void Option_set_values_are_equal_by_number_but_never_equal_to_a_bare_int()
        {
            using (Assert.EnterMultipleScope())
            {
                var one = new OptionSetValue(1);
                var otherOne = new OptionSetValue(1);
                Assert.That(one, Is.EqualTo(otherOne));
                Assert.That(one, Is.Not.EqualTo(new OptionSetValue(2)));
                Assert.That(one.Equals(1), Is.False);
                Assert.That(one.GetHashCode(), Is.EqualTo(otherOne.GetHashCode()));
            }
        }

        [Test]
        public void Money_is_equal_by_amount()
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(new Money(1.5m), Is.EqualTo(new Money(1.50m)));
                Assert.That(new Money(1.5m), Is.Not.EqualTo(new Money(2m)));
                Assert.That(new Money(1.5m).GetHashCode(), Is.EqualTo(new Money(1.50m).GetHashCode()));
                Assert.That(new Money().Value, Is.Zero);
            }
        }

        [Test]
        public void Relationships_are_equal_by_schema_name_and_role_and_print_as_schema_dot_role()
        {
            using (Assert.EnterMultipleScope())
            {
                var relationship = new Relationship("account_contacts");
                Assert.That(relationship, Is.EqualTo(new Relationship("account_" + "contacts")));
                Assert.That(relationship, Is.Not.EqualTo(new Relationship("Account_Contacts")));
                Assert.That(new Relationship("a") { PrimaryEntityRole = EntityRole.Referenced }, Is.Not.EqualTo(new Relationship("a")));
                Assert.That(new Relationship("a_b").ToString(), Is.EqualTo("a_b."));
                Assert.That(new Relationship("a_b") { PrimaryEntityRole = EntityRole.Referenced }.ToString(), Is.EqualTo("a_b.Referenced"));
            }
        }

        [Test]
        public void An_aliased_value_keeps_table_column_and_value_and_has_reference_equality()
        {
            var aliased = new AliasedValue("contact", "fullname", "Alice");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(aliased.EntityLogicalName, Is.EqualTo("contact"));
                Assert.That(aliased.AttributeLogicalName, Is.EqualTo("fullname"));
                Assert.That(aliased.Value, Is.EqualTo("Alice"));
                Assert.That(aliased.Equals(new AliasedValue("contact", "fullname", "Alice")), Is.False);
            }
        }
    }
}
