using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class EntityReferenceTests
    {
        private static readonly Guid First = new Guid("a0000000-0000-0000-0000-000000000001");
        private static readonly Guid Second = new Guid("a0000000-0000-0000-0000-000000000002");

        [Test]
        public void References_to_the_same_table_and_id_are_equal_whatever_their_name_and_row_version()
        {
            var left = new EntityReference("account", First) { Name = "Contoso", RowVersion = "1" };
            var right = new EntityReference("account", First) { Name = "Other", RowVersion = "2" };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(left, Is.EqualTo(right));
                Assert.That(left.GetHashCode(), Is.EqualTo(right.GetHashCode()));
            }
        }

        [Test]
        public void References_differ_by_id_by_table_and_by_table_name_case()
        {
            var reference = new EntityReference("account", First);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(reference, Is.Not.EqualTo(new EntityReference("account", Second)));
                Assert.That(reference, Is.Not.EqualTo(new EntityReference("contact", First)));
                Assert.That(reference, Is.Not.EqualTo(new EntityReference("Account", First)));
                Assert.That(reference.Equals(First), Is.False);
                Assert.That(new EntityReference("account", First).Equals(null), Is.False);
            }
        }

        [Test]
        public void Alternate_keys_take_part_in_equality_regardless_of_their_order()
        {
            var ab = new EntityReference("account") { KeyAttributes = new KeyAttributeCollection { { "a", 1 }, { "b", "x" } } };
            var ba = new EntityReference("account") { KeyAttributes = new KeyAttributeCollection { { "b", "x" }, { "a", 1 } } };
            var other = new EntityReference("account", "a", 2);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(ab, Is.EqualTo(ba));
                Assert.That(ab.GetHashCode(), Is.EqualTo(ba.GetHashCode()));
                Assert.That(new EntityReference("account", "a", 1), Is.Not.EqualTo(other));
                Assert.That(new EntityReference("account", "a", 1), Is.Not.EqualTo(new EntityReference("account", "a", 1L)), "key values compare with Equals, so int 1 is not long 1");
            }
        }

        [Test]
        public void A_reference_without_keys_equals_one_whose_keys_were_set_to_null()
        {
            Assert.That(new EntityReference("account", First) { KeyAttributes = null }, Is.EqualTo(new EntityReference("account", First)));
        }

        [Test]
        public void The_equality_operator_is_reference_equality()
        {
            var left = new EntityReference("account", First);
            var right = new EntityReference("account", First);

            Assert.That(left == right, Is.False);
        }
    }
}
