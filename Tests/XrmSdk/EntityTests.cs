using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    // Behaviours of the official Entity that the stand-in reproduces; the suite also runs against the
    // official assembly (build/README.md), which is what proves them.
    public class EntityTests
    {
        private static readonly Guid AccountId = new Guid("a0000000-0000-0000-0000-000000000001");

        [Test]
        public void GetAttributeValue_of_a_missing_attribute_is_the_default_of_the_type()
        {
            var account = new Entity("account", AccountId);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.GetAttributeValue<int>("numberofemployees"), Is.Zero);
                Assert.That(account.GetAttributeValue<int?>("numberofemployees"), Is.Null);
                Assert.That(account.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(DateTime.MinValue));
                Assert.That(account.GetAttributeValue<EntityReference>("primarycontactid"), Is.Null);
            }
        }

        [Test]
        public void GetAttributeValue_of_a_null_attribute_is_the_default_of_the_type()
        {
            var account = new Entity("account") { ["numberofemployees"] = null };

            Assert.That(account.GetAttributeValue<int>("numberofemployees"), Is.Zero);
        }

        [Test]
        public void GetAttributeValue_does_not_convert_between_types()
        {
            var account = new Entity("account") { ["numberofemployees"] = 5 };

            using (Assert.EnterMultipleScope())
            {
                Assert.Throws<InvalidCastException>(() => account.GetAttributeValue<long>("numberofemployees"));
                Assert.Throws<InvalidCastException>(() => account.GetAttributeValue<string>("numberofemployees"));
            }
        }

        [Test]
        public void The_indexer_throws_KeyNotFoundException_for_a_missing_attribute()
        {
            var account = new Entity("account");

            Assert.Throws<KeyNotFoundException>(() => _ = account["name"]);
        }

        [Test]
        public void TryGetAttributeValue_is_false_for_missing_null_and_wrongly_typed_values()
        {
            var account = new Entity("account") { ["name"] = null, ["numberofemployees"] = 5 };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.TryGetAttributeValue<string>("missing", out _), Is.False);
                Assert.That(account.TryGetAttributeValue<string>("name", out _), Is.False);
                Assert.That(account.TryGetAttributeValue<string>("numberofemployees", out _), Is.False);
                Assert.That(account.TryGetAttributeValue<int>("numberofemployees", out var employees) && employees == 5, Is.True);
            }
        }

        [Test]
        public void Contains_is_true_for_a_null_valued_attribute_and_is_case_sensitive()
        {
            var account = new Entity("account") { ["name"] = null };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.Contains("name"), Is.True);
                Assert.That(account.Contains("Name"), Is.False);
            }
        }

        [Test]
        public void Id_is_independent_of_the_primary_key_attribute()
        {
            var account = new Entity("account") { ["accountid"] = AccountId };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.Id, Is.EqualTo(Guid.Empty));
                Assert.That(new Entity("account", AccountId).Contains("accountid"), Is.False);
            }
        }

        [Test]
        public void A_new_entity_has_empty_collections_and_no_state()
        {
            var entity = new Entity();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(entity.LogicalName, Is.Null);
                Assert.That(entity.Attributes, Is.Empty);
                Assert.That(entity.FormattedValues, Is.Empty);
                Assert.That(entity.KeyAttributes, Is.Empty);
                Assert.That(entity.RelatedEntities, Is.Empty);
                Assert.That(entity.EntityState, Is.Null);
                Assert.That(entity.RowVersion, Is.Null);
            }
        }

        [Test]
        public void Setting_Attributes_to_null_leaves_an_empty_collection()
        {
            var entity = new Entity("account") { Attributes = null };

            Assert.That(entity.Contains("name"), Is.False);
        }

        [Test]
        public void ToEntityReference_carries_table_id_and_row_version_but_not_key_attributes()
        {
            var account = new Entity("account", AccountId) { RowVersion = "42", ["name"] = "Contoso" };
            account.KeyAttributes["accountnumber"] = "A1";

            var reference = account.ToEntityReference();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(reference.LogicalName, Is.EqualTo("account"));
                Assert.That(reference.Id, Is.EqualTo(AccountId));
                Assert.That(reference.RowVersion, Is.EqualTo("42"));
                Assert.That(reference.Name, Is.Null);
                Assert.That(reference.KeyAttributes, Is.Empty);
            }
        }

        [Test]
        public void The_alternate_key_constructor_sets_a_key_attribute_not_an_attribute()
        {
            var account = new Entity("account", "accountnumber", "A1");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(account.KeyAttributes["accountnumber"], Is.EqualTo("A1"));
                Assert.That(account.Contains("accountnumber"), Is.False);
                Assert.That(account.Id, Is.EqualTo(Guid.Empty));
            }
        }
    }
}
