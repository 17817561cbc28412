using System;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    public class CrudTests
    {
        private static readonly DateTime Start = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        private TestClock _clock = null!;
        private InMemoryOrganizationService _service = null!;

        [SetUp]
        public void SetUp()
        {
            _clock = new TestClock(Start);
            _service = new InMemoryOrganizationService(_clock.Read, () => Ids.Northwind);
        }

        [Test]
        public void Create_assigns_an_id_from_the_injected_source_when_the_entity_has_none()
        {
            var id = _service.Create(new Entity("account") { ["name"] = "Contoso" });

            Assert.That(id, Is.EqualTo(Ids.Northwind));
        }

        [Test]
        public void Rows_of_one_table_written_with_their_columns_in_other_orders_each_keep_their_own_values()
        {
            // The store remembers which column the previous row had at each position; a row that differs must not be misread.
            _service.Seed(
                new Entity("contact", Ids.Alice) { ["fullname"] = "Alice", ["jobtitle"] = "Buyer" },
                new Entity("contact", Ids.Bob) { ["jobtitle"] = "Owner", ["fullname"] = "Bob" },
                new Entity("contact", Ids.Carol) { ["department"] = null, ["fullname"] = "Carol", ["emailaddress1"] = "carol@example.com" });

            var alice = _service.Retrieve("contact", Ids.Alice, new ColumnSet("fullname", "jobtitle", "emailaddress1"));
            var bob = _service.Retrieve("contact", Ids.Bob, new ColumnSet("fullname", "jobtitle", "emailaddress1"));
            var carol = _service.Retrieve("contact", Ids.Carol, new ColumnSet("fullname", "jobtitle", "emailaddress1", "department"));
            Assert.Multiple(() =>
            {
                Assert.That((alice["fullname"], alice["jobtitle"], alice.Contains("emailaddress1")), Is.EqualTo(("Alice", "Buyer", false)));
                Assert.That((bob["fullname"], bob["jobtitle"], bob.Contains("emailaddress1")), Is.EqualTo(("Bob", "Owner", false)));
                Assert.That((carol["fullname"], carol["emailaddress1"], carol.Contains("jobtitle"), carol.Contains("department")), Is.EqualTo(("Carol", "carol@example.com", false, false)));
            });
        }

        [Test]
        public void Clearing_a_column_no_row_holds_leaves_the_column_written_before_at_that_place_alone()
        {
            _service.Seed(new Entity("contact", Ids.Alice) { ["fullname"] = "Alice", ["jobtitle"] = "Buyer" });

            // The department comes first, where the create had the full name, and no contact holds a department yet.
            _service.Update(new Entity("contact", Ids.Alice) { ["department"] = null, ["jobtitle"] = "Owner" });

            var alice = _service.Retrieve("contact", Ids.Alice, new ColumnSet("fullname", "jobtitle", "department"));
            Assert.That((alice.GetAttributeValue<string>("fullname"), alice["jobtitle"], alice.Contains("department")), Is.EqualTo(("Alice", "Owner", false)));
        }

        [Test]
        public void Create_keeps_the_id_the_caller_chose()
        {
            var id = _service.Create(new Entity("account", Ids.Contoso));

            Assert.That(id, Is.EqualTo(Ids.Contoso));
        }

        [Test]
        public void Create_stamps_createdon_and_modifiedon_from_the_clock_and_defaults_statecode_to_zero()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["createdon"] = new DateTime(2000, 1, 1) });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet(true));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(Start), "createdon is the platform's, not the caller's");
                Assert.That(row.GetAttributeValue<DateTime>("modifiedon"), Is.EqualTo(Start));
                Assert.That(row.GetAttributeValue<DateTime>("createdon").Kind, Is.EqualTo(DateTimeKind.Utc));
                Assert.That(row.GetAttributeValue<OptionSetValue>("statecode"), Is.EqualTo(new OptionSetValue(0)));
            }
        }

        [Test]
        public void Overriddencreatedon_sets_createdon_as_in_Dataverse()
        {
            var history = new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            _service.Create(new Entity("account", Ids.Contoso) { ["overriddencreatedon"] = history });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet("createdon"));

            Assert.That(row.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(history));
        }

        [Test]
        public void Every_write_gets_a_higher_row_version_than_any_before_it()
        {
            _service.Create(new Entity("account", Ids.Contoso));
            var first = long.Parse(_service.Retrieve("account", Ids.Contoso, new ColumnSet(false)).RowVersion);
            _service.Create(new Entity("contact", Ids.Alice));
            _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Contoso Ltd" });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet("versionnumber"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(long.Parse(row.RowVersion), Is.GreaterThan(first + 1), "the contact's create took a version in between");
                Assert.That(row.GetAttributeValue<long>("versionnumber"), Is.EqualTo(long.Parse(row.RowVersion)));
            }
        }

        [Test]
        public void Changing_the_entity_after_Create_does_not_change_the_stored_row()
        {
            var account = new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["primarycontactid"] = new EntityReference("contact", Ids.Alice) };
            _service.Create(account);
            account["name"] = "Changed";
            account.GetAttributeValue<EntityReference>("primarycontactid").Id = Ids.Bob;

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet("name", "primarycontactid"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
                Assert.That(row.GetAttributeValue<EntityReference>("primarycontactid").Id, Is.EqualTo(Ids.Alice));
            }
        }

        [Test]
        public void Changing_a_retrieved_entity_does_not_change_the_stored_row()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["revenue"] = new Money(10m) });
            var first = _service.Retrieve("account", Ids.Contoso, new ColumnSet("revenue"));
            first.GetAttributeValue<Money>("revenue").Value = 99m;

            var second = _service.Retrieve("account", Ids.Contoso, new ColumnSet("revenue"));

            Assert.That(second.GetAttributeValue<Money>("revenue").Value, Is.EqualTo(10m));
        }

        [Test]
        public void Retrieve_returns_only_the_requested_non_null_columns_plus_the_primary_id()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["telephone1"] = "555", ["fax"] = null });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet("name", "fax", "websiteurl"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.Attributes.Keys, Is.EquivalentTo(new[] { "name", "accountid" }));
                Assert.That(row.Id, Is.EqualTo(Ids.Contoso));
                Assert.That(row.LogicalName, Is.EqualTo("account"));
            }
        }

        [Test]
        public void Retrieve_of_a_missing_row_is_the_Dataverse_does_not_exist_fault_naming_table_and_id()
        {
            var fault = Faults.Of(() => _service.Retrieve("account", Ids.Missing, new ColumnSet(true)));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
                Assert.That(fault.Message, Does.Contain("'account'").And.Contain(Ids.Missing.ToString()));
            }
        }

        [Test]
        public void Update_merges_columns_moves_modifiedon_and_keeps_createdon()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["name"] = "Contoso", ["telephone1"] = "555" });
            _clock.Now = Start.AddHours(2);

            _service.Update(new Entity("account", Ids.Contoso) { ["telephone1"] = "556", ["createdon"] = Start.AddYears(-1) });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet(true));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
                Assert.That(row.GetAttributeValue<string>("telephone1"), Is.EqualTo("556"));
                Assert.That(row.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(Start));
                Assert.That(row.GetAttributeValue<DateTime>("modifiedon"), Is.EqualTo(Start.AddHours(2)));
            }
        }

        [Test]
        public void Updating_a_column_to_null_clears_it()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["telephone1"] = "555" });

            _service.Update(new Entity("account", Ids.Contoso) { ["telephone1"] = null });

            Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet(true)).Contains("telephone1"), Is.False);
        }

        [Test]
        public void Update_of_a_missing_row_is_the_does_not_exist_fault()
        {
            var fault = Faults.Of(() => _service.Update(new Entity("account", Ids.Missing) { ["name"] = "x" }));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }

        [Test]
        public void Delete_removes_the_row_and_a_second_delete_is_the_does_not_exist_fault()
        {
            _service.Create(new Entity("account", Ids.Contoso));

            _service.Delete("account", Ids.Contoso);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Faults.Of(() => _service.Retrieve("account", Ids.Contoso, new ColumnSet(true))).ErrorCode, Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
                Assert.That(Faults.Of(() => _service.Delete("account", Ids.Contoso)).ErrorCode, Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
            }
        }

        [Test]
        public void Creating_a_second_row_with_the_same_id_is_the_duplicate_record_fault()
        {
            _service.Create(new Entity("account", Ids.Contoso));

            var fault = Faults.Of(() => _service.Create(new Entity("account", Ids.Contoso)));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecord));
        }

        [Test]
        public void Creating_an_activity_with_an_id_another_activity_has_is_the_duplicate_record_fault()
        {
            // Activity ids are unique across the activity tables (activitypointer); the follow-up tasks rely on it.
            var id = new System.Guid("7a5c0000-0000-0000-0000-000000000001");
            _service.Create(new Entity("task", id) { ["subject"] = "first" });

            using (Assert.EnterMultipleScope())
            {
                Assert.That(Faults.Of(() => _service.Create(new Entity("task", id) { ["subject"] = "second" })).ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecord));
                Assert.That(Faults.Of(() => _service.Create(new Entity("email", id) { ["subject"] = "third" })).ErrorCode, Is.EqualTo(ErrorCodes.DuplicateRecord));
            }
        }

        [Test]
        public void A_value_of_a_type_Dataverse_does_not_store_is_rejected_and_names_the_column()
        {
            var fault = Faults.Of(() => _service.Create(new Entity("account", Ids.Contoso) { ["tags"] = new[] { "a" } }));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
                Assert.That(fault.Message, Does.Contain("'tags'"));
            }
        }

        [Test]
        public void A_rejected_update_leaves_the_row_untouched()
        {
            _service.Create(new Entity("account", Ids.Contoso) { ["name"] = "Contoso" });

            Faults.Of(() => _service.Update(new Entity("account", Ids.Contoso) { ["name"] = "Changed", ["bad"] = new object() }));

            Assert.That(_service.Retrieve("account", Ids.Contoso, new ColumnSet("name")).GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Seed_keeps_historic_audit_dates_and_is_not_counted_as_requests()
        {
            var history = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

            _service.Seed(new Entity("account", Ids.Contoso) { ["createdon"] = history, ["modifiedon"] = history });

            var row = _service.Retrieve("account", Ids.Contoso, new ColumnSet("createdon", "modifiedon"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(row.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(history));
                Assert.That(row.GetAttributeValue<DateTime>("modifiedon"), Is.EqualTo(history));
                Assert.That(_service.RequestCount, Is.EqualTo(1), "only the Retrieve counts");
            }
        }

        [Test]
        public void Associate_is_not_supported_and_says_what_to_do_instead()
        {
            var error = Assert.Throws<NotSupportedException>(() =>
                _service.Associate("account", Ids.Contoso, new Relationship("account_contacts"), new EntityReferenceCollection()));

            Assert.That(error!.Message, Does.Contain("Update"));
        }
    }
}
