using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cmt;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// Staging puts each record in the slice of every account it counts toward, whatever order the file holds
    /// the records in: links to records read later (a contact before its account, a contact under a parent
    /// contact, an activity before what it regards) are followed once the file is read.
    /// </summary>
    public class ExportStagingTests : TempFolderTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        private static readonly Guid AccountA = Id(0xA1), AccountB = Id(0xB1);

        [Test]
        public void Records_written_after_their_account_go_to_its_slice()
        {
            var contact = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountA));
            var opportunity = new Entity(OpportunitySchema.EntityName, Id(0x01)) { [OpportunitySchema.ParentAccountId] = Ref(AccountSchema.EntityName, AccountA) };
            var aboutTheOpportunity = Email(Id(0xE1), Ref(OpportunitySchema.EntityName, opportunity.Id));
            var withTheContact = Email(Id(0xE2), null, contact.Id);

            using var staging = Stage(Account(AccountA, "Alpha"), contact, opportunity, aboutTheOpportunity, withTheContact);

            Assert.That(RowIds(staging, AccountA), Is.EqualTo(new[] { contact.Id, opportunity.Id, aboutTheOpportunity.Id, withTheContact.Id }));
            Assert.That(staging.Orphans, Is.Zero);
        }

        [Test]
        public void Records_written_before_what_they_lead_to_reach_the_account_once_the_file_is_read()
        {
            // An activity about a contact, whose parent is another contact, whose parent is an account: all read in reverse.
            var activity = Email(Id(0xE1), Ref(ContactSchema.EntityName, Id(0xC2)));
            var child = Contact(Id(0xC2), Ref(ContactSchema.EntityName, Id(0xC1)));
            var parent = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountB));
            var opportunity = new Entity(OpportunitySchema.EntityName, Id(0x01)) { [OpportunitySchema.ParentAccountId] = Ref(AccountSchema.EntityName, AccountB) };

            using var staging = Stage(activity, child, parent, opportunity, Account(AccountB, "Beta"));

            Assert.That(RowIds(staging, AccountB), Is.EquivalentTo(new[] { activity.Id, child.Id, parent.Id, opportunity.Id }));
            Assert.That(staging.Accounts().Select(a => (a.Id, a.Name)), Is.EqualTo(new[] { (AccountB, "Beta") }));
        }

        [Test]
        public void An_activity_with_contacts_of_two_accounts_counts_toward_both_and_a_contact_of_no_account_toward_none()
        {
            var ofA = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountA));
            var ofB = Contact(Id(0xC2), Ref(AccountSchema.EntityName, AccountB));
            var loose = Contact(Id(0xC3), null);
            var meeting = Email(Id(0xE1), null, ofA.Id, ofB.Id);
            var aboutLoose = Email(Id(0xE2), Ref(ContactSchema.EntityName, loose.Id));

            using var staging = Stage(Account(AccountA, "Alpha"), Account(AccountB, "Beta"), ofA, ofB, loose, meeting, aboutLoose);

            Assert.Multiple(() =>
            {
                Assert.That(RowIds(staging, AccountA), Is.EqualTo(new[] { ofA.Id, meeting.Id }));
                Assert.That(RowIds(staging, AccountB), Is.EqualTo(new[] { ofB.Id, meeting.Id }));
                Assert.That(staging.Orphans, Is.EqualTo(2), "the loose contact and the activity about it");
                Assert.That(staging.AccountsToScore, Is.EqualTo(2));
            });
        }

        [Test]
        public void A_slice_holds_its_own_and_shared_rows_once_each_in_file_order()
        {
            var ofA = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountA));
            var ofB = Contact(Id(0xC2), Ref(AccountSchema.EntityName, AccountB));
            var later = Contact(Id(0xC9), Ref(AccountSchema.EntityName, AccountA));
            // Its own through its party, and again once the contact it regards, read later, leads to the same account.
            var twice = Email(Id(0xE1), Ref(ContactSchema.EntityName, later.Id), ofA.Id);
            var ofBothAccounts = Email(Id(0xE2), null, ofB.Id, ofA.Id);
            var aboutOfA = Email(Id(0xE3), Ref(ContactSchema.EntityName, ofA.Id));
            var aboutLater = Email(Id(0xE4), Ref(ContactSchema.EntityName, later.Id));

            using var staging = Stage(Account(AccountA, "Alpha"), Account(AccountB, "Beta"), ofA, ofB, twice, ofBothAccounts, aboutOfA, later, aboutLater);

            Assert.Multiple(() =>
            {
                Assert.That(RowIds(staging, AccountA), Is.EqualTo(new[] { ofA.Id, twice.Id, ofBothAccounts.Id, aboutOfA.Id, later.Id, aboutLater.Id }));
                Assert.That(RowIds(staging, AccountB), Is.EqualTo(new[] { ofB.Id, ofBothAccounts.Id }));
            });
        }

        [Test]
        public void A_record_that_reaches_its_account_once_the_file_is_read_takes_its_place_in_file_order()
        {
            // The first email regards a contact listed after it, so its account is known only once the file is read; the second is known at once.
            var aboutLaterContact = Email(Id(0xE1), Ref(ContactSchema.EntityName, Id(0xC1)));
            var aboutTheAccount = Email(Id(0xE2), Ref(AccountSchema.EntityName, AccountA));
            var contact = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountA));

            using var staging = Stage(Account(AccountA, "Alpha"), aboutLaterContact, aboutTheAccount, contact);

            var expected = new[] { aboutLaterContact.Id, aboutTheAccount.Id, contact.Id };
            Assert.Multiple(() =>
            {
                Assert.That(RowIds(staging, AccountA), Is.EqualTo(expected));
                Assert.That(staging.Slices().Single().Rows.Select(r => r.Id), Is.EqualTo(expected));
                Assert.That(staging.Orphans, Is.Zero);
            });
        }

        [Test]
        public void Slices_are_the_same_whether_the_file_lists_each_accounts_records_together_or_not()
        {
            var accounts = new[] { Account(AccountA, "Alpha"), Account(AccountB, "Beta") };
            var emails = Enumerable.Range(0, 8).Select(n => Email(Id(0xE0 + n), Ref(AccountSchema.EntityName, n % 2 == 0 ? AccountA : AccountB))).ToList();
            var grouped = emails.Where((_, n) => n % 2 == 0).Concat(emails.Where((_, n) => n % 2 == 1));

            using var together = Stage(accounts.Concat(grouped).ToArray());
            using var interleaved = Stage(accounts.Concat(emails).ToArray());

            Assert.Multiple(() =>
            {
                foreach (var staging in new[] { together, interleaved })
                {
                    Assert.That(RowIds(staging, AccountA), Is.EqualTo(emails.Where((_, n) => n % 2 == 0).Select(e => e.Id)));
                    Assert.That(staging.Slice(AccountB).Rows.Select(r => r.ToEntity().GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId).Id), Is.All.EqualTo(AccountB));
                    Assert.That(RowIds(staging, AccountB), Is.EqualTo(emails.Where((_, n) => n % 2 == 1).Select(e => e.Id)));
                }
            });
        }

        [Test]
        public void Rows_of_accounts_in_turn_are_kept_together_by_region_and_sliced_in_file_order()
        {
            var accountC = new Guid("cccccccc-0000-0000-0000-000000000003");
            var accounts = new[] { Account(AccountA, "Alpha"), Account(AccountB, "Beta"), Account(accountC, "Gamma") };
            var ofA = Contact(Id(0xC1), Ref(AccountSchema.EntityName, AccountA));
            var ofC = Contact(Id(0xC3), Ref(AccountSchema.EntityName, accountC));
            // Regarding each account in turn; every third also has A's contact taking part, so A shares rows kept in B's and C's regions.
            var emails = Enumerable.Range(0, 9).Select(n => Email(Id(0xE0 + n), Ref(AccountSchema.EntityName, new[] { AccountA, AccountB, accountC }[n % 3]),
                n % 3 == 0 ? Array.Empty<Guid>() : new[] { ofA.Id })).ToList();
            var file = accounts.Concat(new[] { ofA, ofC }).Concat(emails).ToArray();

            using var oneAccountPerRegion = Stage(1, file);
            using var allInOneRegion = Stage(3, file);
            // A region whose rows, or whose rows with those its accounts share, exceed what a sweep holds is read account by
            // account: every limit from none up to one that holds everything gives the same slices.
            var limited = Enumerable.Range(0, 40).Select(n => Stage(n % 2 == 0 ? 1 : 3, file, regionBytesRead: n * 50)).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(oneAccountPerRegion.AccountsInStorageOrder(), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2 }), "each account's rows in one stretch, its region's");
                Assert.That(allInOneRegion.AccountsInStorageOrder(), Is.EqualTo(new[] { 0, 1, 2, 0, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2 }), "one region: the file's order");
                foreach (var staging in limited.Prepend(allInOneRegion).Prepend(oneAccountPerRegion))
                {
                    var expectedA = new[] { ofA.Id }.Concat(emails.Select(e => e.Id)).ToList();
                    var expectedC = new[] { ofC.Id }.Concat(emails.Where((_, n) => n % 3 == 2).Select(e => e.Id)).ToList();
                    Assert.That(RowIds(staging, AccountA), Is.EqualTo(expectedA), "its own rows and those it shares, in file order");
                    Assert.That(RowIds(staging, accountC), Is.EqualTo(expectedC));
                    var swept = staging.Slices().ToList();
                    Assert.That(swept.Select(slice => slice.Account.Id), Is.EqualTo(new[] { AccountA, AccountB, accountC }), "every account, in file order");
                    Assert.That(swept[0].Rows.Select(r => r.Id), Is.EqualTo(expectedA), "the sweep gives what one account's read gives");
                    Assert.That(swept[2].Rows.Select(r => r.Id), Is.EqualTo(expectedC));
                    Assert.That(swept[1].Rows.Select(r => r.Id), Is.EqualTo(emails.Where((_, n) => n % 3 == 1).Select(e => e.Id)));
                }
            });
            foreach (var staging in limited) staging.Dispose();
        }

        private ExportStaging Stage(int accountsPerRegion, Entity[] records, int regionBytesRead = ExportStaging.DefaultRegionBytesRead)
        {
            var staging = new ExportStaging(AsOf, Folder, accountsPerRegion, regionBytesRead);
            foreach (var record in records) staging.Add(record);
            staging.Finish();
            return staging;
        }

        private ExportStaging Stage(params Entity[] records) => ExportRun.Stage(records, () => AsOf, folder: Folder);

        private static IEnumerable<Guid> RowIds(ExportStaging staging, Guid account) => staging.Slice(account).Rows.Select(r => r.Id);

        private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");

        private static EntityReference Ref(string table, Guid id) => new(table, id);

        private static Entity Account(Guid id, string name) => new(AccountSchema.EntityName, id) { [AccountSchema.Name] = name };

        private static Entity Contact(Guid id, EntityReference? parent)
        {
            var contact = new Entity(ContactSchema.EntityName, id);
            if (parent is not null) contact[ContactSchema.ParentCustomerId] = parent;
            return contact;
        }

        private static Entity Email(Guid id, EntityReference? regarding, params Guid[] contacts)
        {
            var email = new Entity("email", id);
            if (regarding is not null) email[ActivitySchema.RegardingObjectId] = regarding;
            if (contacts.Length > 0)
                email["to"] = new EntityCollection(contacts.Select(c => new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = Ref(ContactSchema.EntityName, c) }).ToList());
            return email;
        }
    }
}
