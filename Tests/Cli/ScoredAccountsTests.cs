using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Report;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// A run sets its results aside in a file as they are scored and writes its output from there: the user
    /// gets the same accounts.csv and report.html as when every result was held, and the report is written
    /// while the accounts are read, not built whole first.
    /// </summary>
    public class ScoredAccountsTests : TempFolderTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        /// <summary>The order the results had when a run held them all: failed first, then riskiest, lower health, name as the culture sorts, id.</summary>
        private static List<AccountResult> HeldOrder(IEnumerable<AccountResult> results) => results
            .OrderBy(a => a.RiskRank).ThenBy(a => a.Overall ?? int.MaxValue).ThenBy(a => a.Name, StringComparer.CurrentCulture).ThenBy(a => a.Id)
            .ToList();

        private static string Describe(AccountResult a) => string.Join(" ; ", new object?[]
        {
            a.Id, a.Name, a.Understanding, a.Familiarity, a.Service, a.Overall, a.Band, a.Trend, a.PerkDependent, a.PerkSharePercent, a.PerkSpend, a.DeliveredValue,
            string.Join("|", a.Reasons), string.Join("|", a.Actions), string.Join("|", a.UnreadableValues), a.ScoredOn?.ToString("O"), a.ScoredOn?.Kind,
            a.HistoryRows, a.OpenFollowUps, a.Error, string.Join("|", a.Warnings),
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

        private static List<AccountResult> Varied(int count)
        {
            var random = new Random(7);
            var names = new[] { "Ärzte Nord", "apple", "Apple", "Zebra", "zebra", "Éclair", "Eclair", "Same Name", "Same Name", "Østfold" };
            return Enumerable.Range(0, count).Select(i =>
            {
                var overall = random.Next(5) == 0 ? (int?)null : random.Next(0, 3) * 10;
                return new AccountResult
                {
                    Id = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256)).ToArray()),
                    Name = names[random.Next(names.Length)],
                    Understanding = overall, Familiarity = random.Next(3) == 0 ? null : random.Next(101), Service = overall,
                    Overall = overall,
                    Band = (HealthBand)random.Next(4),
                    Trend = random.Next(4) is var t && t == 0 ? null : (Trend)t,
                    PerkDependent = random.Next(3) == 0,
                    PerkSharePercent = random.Next(2) == 0 ? null : random.Next(10_000) / 100m,
                    PerkSpend = random.Next(2) == 0 ? null : random.Next(100_000) / 100m,
                    DeliveredValue = random.Next(2) == 0 ? null : 1_234_567.89m,
                    Reasons = Enumerable.Range(0, random.Next(4)).Select(r => $"Reason {r} of {i} <&>").ToArray(),
                    Actions = Enumerable.Range(0, random.Next(3)).Select(r => $"Action {r} of {i}").ToArray(),
                    UnreadableValues = random.Next(10) == 0 ? new[] { "loy_healthband 7 is not a band" } : Array.Empty<string>(),
                    ScoredOn = random.Next(4) == 0 ? null : AsOf.AddMinutes(-i),
                    HistoryRows = random.Next(5),
                    OpenFollowUps = random.Next(3),
                    Error = random.Next(12) == 0 ? "The organisation refused a column: favouritecolour" : null,
                    Warnings = random.Next(6) == 0 ? new[] { "3 email records dated after the as-of moment were left out" } : Array.Empty<string>(),
                };
            }).ToList();
        }

        [Test]
        public void Results_added_from_several_workers_read_back_field_for_field_in_the_order_they_had_when_held()
        {
            var results = Varied(600);
            using var scored = new ScoredAccounts(Folder);

            Parallel.ForEach(results, new ParallelOptions { MaxDegreeOfParallelism = 4 }, scored.Add);
            scored.Seal();

            Assert.Multiple(() =>
            {
                Assert.That(scored.Select(Describe), Is.EqualTo(HeldOrder(results).Select(Describe)));
                Assert.That(scored, Has.Count.EqualTo(600));
                Assert.That(scored.Failed, Is.EqualTo(results.Count(a => a.Failed)));
            });
        }

        [Test]
        public void A_scored_exports_csv_and_report_are_those_written_when_every_result_was_held()
        {
            var options = new SyntheticOptions { Accounts = 12, ContactsPerAccount = 2, ActivitiesPerAccount = 30, Seed = 5, AsOf = AsOf };
            var zip = Path.Combine(Folder, "generated.zip");
            CmtPackageWriter.Write(zip, SyntheticOrganisation.Records(options), options.AsOf);
            var (accounts, _) = ExportScoring.Score(zip, options.AsOf, workers: 2, Folder);
            using var scored = accounts;
            var text = new UiText("en");
            var spilled = new OrganisationResult(options.AsOf, "en", scored, 0, "generated.zip") { Notes = new[] { DataNote.Of(NoteTexts.SkippedTable, 2, "invoice") } };
            var held = spilled with { Accounts = HeldOrder(scored.ToList()) };

            CsvExport.Write(Path.Combine(Folder, "spilled.csv"), spilled, text);
            CsvExport.Write(Path.Combine(Folder, "held.csv"), held, text);

            Assert.Multiple(() =>
            {
                Assert.That(scored.Count(a => a.Band == HealthBand.AtRisk), Is.GreaterThan(0), "the report has an at-risk section to compare");
                Assert.That(File.ReadAllText(Path.Combine(Folder, "spilled.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Folder, "held.csv"))));
                Assert.That(HtmlReport.Render(spilled, text), Is.EqualTo(HtmlReport.Render(held, text)));
            });
        }

        [Test]
        public void The_report_is_written_while_the_accounts_are_read_not_built_whole_first()
        {
            var html = new StringWriter();
            var accounts = new WatchedAccounts(Varied(50), html);

            HtmlReport.Write(html, new OrganisationResult(AsOf, "en", accounts, 0, "test"), new UiText("en"));

            // The account table and the pillar chart alone write something for every account they read.
            Assert.That(accounts.WrittenWhenRead.Distinct().Count(), Is.GreaterThanOrEqualTo(2 * accounts.Count),
                "what had been written grows as the accounts are read");
        }

        /// <summary>Accounts that note, each time one is read, how much of the report had been written.</summary>
        private sealed class WatchedAccounts : IReadOnlyCollection<AccountResult>
        {
            private readonly IReadOnlyList<AccountResult> _accounts;
            private readonly StringWriter _html;

            public WatchedAccounts(IReadOnlyList<AccountResult> accounts, StringWriter html)
            {
                _accounts = accounts;
                _html = html;
            }

            public List<int> WrittenWhenRead { get; } = new();

            public int Count => _accounts.Count;

            public IEnumerator<AccountResult> GetEnumerator()
            {
                foreach (var account in _accounts)
                {
                    WrittenWhenRead.Add(_html.GetStringBuilder().Length);
                    yield return account;
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
