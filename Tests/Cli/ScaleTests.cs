using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// score at any size: each account's slice replayed through the real plugins in its own organisation.
    /// The organization-service requests of a fresh import are counted (a count, not a time), and the
    /// per-account replay gives the same scores as importing the whole organisation into one.
    /// </summary>
    public class ScaleTests : TempFolderTests
    {
        private static readonly SyntheticOptions Options = new() { Accounts = 24, ContactsPerAccount = 3, ActivitiesPerAccount = 40, Seed = 11 };

        private (ScoredAccounts Accounts, ExportRunStats Stats) Score(string zip, int workers)
        {
            var probe = new LocalOrganisation(SolutionLocator.Find(null), Options.AsOf);
            var policy = LoyaltyPolicy.Default.ToJson();
            probe.UsePolicy(policy);
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policy, Options.AsOf);
            using var reader = CmtPackageReader.Open(zip);
            using var staging = ExportRun.Stage(reader, Options.AsOf);
            return ExportRun.Score(staging, reader.Skips, replay, TimeSpan.Zero, workers, folder: Folder);
        }

        [Test]
        public void A_fresh_import_costs_one_create_and_one_recalculation_per_account_counted_by_message()
        {
            var zip = Path.Combine(Folder, "generated.zip");
            CmtPackageWriter.Write(zip, SyntheticOrganisation.Records(Options), Options.AsOf);

            var (accounts, stats) = Score(zip, workers: 2);
            using var scored = accounts;

            var n = Options.Accounts;
            var followUps = accounts.Sum(a => a.OpenFollowUps);
            Assert.Multiple(() =>
            {
                Assert.That(stats.AccountsScored, Is.EqualTo(n));
                Assert.That(stats.AccountsFailed, Is.Zero);
                // Per account: the import's Create of the account; the recalculation's RetrieveMultiple of the
                // policy and of the activities with the contacts taking part, and its one Update; the history row. The account is not
                // retrieved: the Create step's post-image carries it, with its row version. A transition (entered
                // At risk, became perk-dependent) adds the history job's read of the policy, a RetrieveMultiple of
                // open follow-ups and the follow-up task's Create.
                Assert.That(stats.RequestsByMessage.ContainsKey("Retrieve"), Is.False, "the account comes from the step's image");
                Assert.That(stats.RequestsByMessage["Update"], Is.EqualTo(n));
                Assert.That(stats.RequestsByMessage["Create"], Is.EqualTo(2 * n + followUps));
                Assert.That(stats.RequestsByMessage["RetrieveMultiple"], Is.EqualTo(2 * n + TransitionLookups));
                // 5 × 24 accounts + 16 follow-up tasks + 28 transition lookups = 164, 6.83 per account.
                Assert.That(followUps, Is.EqualTo(16));
                Assert.That(stats.Requests, Is.EqualTo(164));
                Assert.That(stats.RequestsPerAccount, Is.EqualTo(164 / 24.0));
                Assert.That(stats.ImportRequests, Is.EqualTo(n), "the import's own: the Create of each account");
                Assert.That(stats.ProductRequestsPerAccount, Is.EqualTo((164 - 24) / 24.0));
            });
        }

        /// <summary>For the accounts of this seed whose new assessment is a transition: the history plugin's reads of the policy and of open follow-ups.</summary>
        private const int TransitionLookups = 28;

        [Test]
        public void Replaying_each_account_alone_scores_as_importing_the_whole_organisation_does()
        {
            var zip = Path.Combine(Folder, "generated.zip");
            CmtPackageWriter.Write(zip, SyntheticOrganisation.Records(Options), Options.AsOf);
            var whole = new LocalOrganisation(SolutionLocator.Find(null), Options.AsOf);
            whole.UsePolicy(LoyaltyPolicy.Default.ToJson());
            using (var reader = CmtPackageReader.Open(zip)) BulkImport.Load(whole, reader.Records());
            whole.RunSystemJobs();
            var expected = LoyaltyHealth.Cli.Output.ResultReader.Read(whole.Store).ToDictionary(a => a.Id);

            var (accounts, _) = Score(zip, workers: 2);
            using var scored = accounts;

            Assert.That(accounts, Has.Count.EqualTo(expected.Count));
            foreach (var account in accounts)
            {
                var other = expected[account.Id];
                Assert.That((account.Overall, account.Band, account.Understanding, account.Familiarity, account.Service, account.PerkDependent, account.Reasons.Count, account.HistoryRows, account.OpenFollowUps),
                    Is.EqualTo((other.Overall, other.Band, other.Understanding, other.Familiarity, other.Service, other.PerkDependent, other.Reasons.Count, other.HistoryRows, other.OpenFollowUps)), account.Name);
            }
        }
    }
}
