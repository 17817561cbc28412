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

        private (ScoredAccounts Accounts, ExportRunStats Stats) Score(string zip, int workers) => ExportScoring.Score(zip, Options.AsOf, workers, Folder);

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
                // policy and of the activities with the contacts taking part and the follow-up tasks, and its one Update;
                // in the Update's history step, one Create of the history row carrying the follow-up tasks the assessment
                // opens (a deep insert). The account is not retrieved: the Create step's post-image carries it, with its
                // row version; the history step takes the policy and the follow-ups from the recalculation. So a
                // transition (entered At risk, became perk-dependent) costs nothing more.
                Assert.That(stats.RequestsByMessage.ContainsKey("Retrieve"), Is.False, "the account comes from the step's image");
                Assert.That(stats.RequestsByMessage["Update"], Is.EqualTo(n));
                Assert.That(stats.RequestsByMessage["Create"], Is.EqualTo(2 * n), "the account, and the history row with its tasks");
                Assert.That(stats.RequestsByMessage["RetrieveMultiple"], Is.EqualTo(2 * n), "the policy, and the activities with parties and follow-ups");
                Assert.That(followUps, Is.EqualTo(20), "the seed's transitions open tasks, in the history row's Create");
                Assert.That(stats.Requests, Is.EqualTo(5 * n));
                Assert.That(stats.RequestsPerAccount, Is.EqualTo(5.0));
                Assert.That(stats.ImportRequests, Is.EqualTo(n), "the import's own: the Create of each account");
                Assert.That(stats.ProductRequestsPerAccount, Is.EqualTo(4.0));
            });
        }

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
