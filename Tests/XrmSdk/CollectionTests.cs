using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    public class CollectionTests
    {
        [Test]
        public void Adding_an_existing_key_throws_while_the_indexer_replaces()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.Throws<ArgumentException>(() => attributes.Add("name", "Other"));
            attributes["name"] = "Replaced";

            Assert.That(attributes["name"], Is.EqualTo("Replaced"));
        }

        [Test]
        public void A_missing_key_throws_KeyNotFoundException_from_the_indexer_and_is_false_from_TryGetValue()
        {
            var formatted = new FormattedValueCollection();

            using (Assert.EnterMultipleScope())
            {
                Assert.Throws<KeyNotFoundException>(() => _ = formatted["statecode"]);
                Assert.That(formatted.TryGetValue("statecode", out var value), Is.False);
                Assert.That(value, Is.Null);
                Assert.Throws<KeyNotFoundException>(() => _ = new EntityImageCollection()["PreImage"]);
            }
        }

        [Test]
        public void A_null_key_throws_ArgumentNullException()
        {
            var attributes = new AttributeCollection();

            using (Assert.EnterMultipleScope())
            {
                Assert.Throws<ArgumentNullException>(() => attributes.Contains((string)null!));
                Assert.Throws<ArgumentNullException>(() => attributes.Add(null!, 1));
            }
        }

        [Test]
        public void Contains_and_Remove_of_a_pair_require_the_value_to_match_too()
        {
            var attributes = new AttributeCollection { { "a", 3 } };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(attributes.Contains(new KeyValuePair<string, object>("a", 3)), Is.True);
                Assert.That(attributes.Contains(new KeyValuePair<string, object>("a", 4)), Is.False);
                Assert.That(attributes.Remove(new KeyValuePair<string, object>("a", 4)), Is.False);
                Assert.That(attributes.Remove("missing"), Is.False);
            }
        }

        [Test]
        public void Keys_and_values_are_live_views_and_the_collection_is_not_read_only()
        {
            var attributes = new AttributeCollection();
            var keys = attributes.Keys;
            attributes["a"] = 1;

            using (Assert.EnterMultipleScope())
            {
                Assert.That(keys, Has.Count.EqualTo(1), "one key added after taking the view");
                Assert.That(attributes.Values, Is.EqualTo(new object[] { 1 }));
                Assert.That(attributes.IsReadOnly, Is.False);
                Assert.That(new RelatedEntityCollection().IsReadOnly, Is.False);
            }
        }

        [Test]
        public void Parameter_TryGetValue_of_T_is_false_for_missing_null_and_wrongly_typed_values()
        {
            var parameters = new ParameterCollection { { "Target", "text" }, { "Empty", null! } };

            using (Assert.EnterMultipleScope())
            {
                Assert.That(parameters.TryGetValue<int>("Missing", out _), Is.False);
                Assert.That(parameters.TryGetValue<int>("Target", out _), Is.False);
                Assert.That(parameters.TryGetValue<string>("Empty", out _), Is.False);
                Assert.That(parameters.TryGetValue<string>("Target", out var text) && text == "text", Is.True);
            }
        }

        [Test]
        public void AddOrUpdateIfNotNull_never_writes_a_null()
        {
            var parameters = new ParameterCollection();
            parameters.AddOrUpdateIfNotNull("a", null!);
            parameters.AddOrUpdateIfNotNull("b", "first");
            parameters.AddOrUpdateIfNotNull("b", "second");
            parameters.AddOrUpdateIfNotNull("b", null!);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(parameters.Contains("a"), Is.False);
                Assert.That(parameters["b"], Is.EqualTo("second"));
            }
        }

        [Test]
        public void An_entity_collection_copies_the_list_it_is_built_from()
        {
            var list = new List<Entity> { new Entity("account") };
            var collection = new EntityCollection(list);
            list.Add(new Entity("contact"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(collection.Entities, Has.Count.EqualTo(1), "later additions to the list are not seen");
                Assert.That(collection[0].LogicalName, Is.EqualTo("account"));
                Assert.That(new EntityCollection().Entities, Is.Empty);
                Assert.That(new EntityCollection().TotalRecordCount, Is.Zero);
                Assert.That(new EntityCollection().MoreRecords, Is.False);
            }
        }

        [Test]
        public void Data_collection_AddRange_appends_and_ignores_null()
        {
            var collection = new EntityCollection();
            collection.Entities.AddRange(new Entity("a"), new Entity("b"));
            collection.Entities.AddRange((IEnumerable<Entity>)null!);

            Assert.That(collection.Entities.ToArray().Select(e => e.LogicalName), Is.EqualTo(new[] { "a", "b" }));
        }

        [Test]
        public void Attribute_AddRange_keeps_the_order_given_and_refuses_a_key_already_there_as_Add_does()
        {
            var entity = new Entity("account") { ["name"] = "Contoso" };
            entity.Attributes.AddRange(new List<KeyValuePair<string, object>> { new("revenue", 1m), new("numberofemployees", 5) });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(entity.Attributes.Select(a => a.Key), Is.EqualTo(new[] { "name", "revenue", "numberofemployees" }));
                Assert.That(() => entity.Attributes.AddRange(new List<KeyValuePair<string, object>> { new("name", "Again") }), Throws.ArgumentException);
                Assert.That(entity["name"], Is.EqualTo("Contoso"));
            }
        }

        [Test]
        public void Option_set_value_collections_copy_their_list()
        {
            var list = new List<OptionSetValue> { new OptionSetValue(1) };
            var collection = new OptionSetValueCollection(list);
            list.Add(new OptionSetValue(2));

            Assert.That(collection, Has.Count.EqualTo(1), "built from a one-element list");
        }
    }
}
