using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cli;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary>
    /// The tool against a Dataverse environment on loopback (<see cref="WebApiHost"/>) holding the sample
    /// organisation, signed in through MSAL at the host's token endpoint, with faults injected.
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public partial class LiveEnvironmentTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
        private string _folder = null!;
        private string _export = null!;

        [OneTimeSetUp]
        public void ExportTheSample()
        {
            _folder = Path.Combine(Path.GetTempPath(), "loyalty-live-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            _export = Path.Combine(_folder, "sample.zip");
            Assert.That(CliHarness.Run("demo", "--export", _export).Exit, Is.Zero);
            Environment.SetEnvironmentVariable(WebApiHost.SecretVariable, WebApiHost.Secret);
        }

        [OneTimeTearDown]
        public void Clean()
        {
            Environment.SetEnvironmentVariable(WebApiHost.SecretVariable, null);
            Directory.Delete(_folder, recursive: true);
        }

        /// <summary>An environment holding the export's rows as Dataverse holds them, with the product installed and its default policy.</summary>
        private async Task<WebApiHost> Environment_()
        {
            var organisation = new LocalOrganisation(RepositoryPaths.Solution, AsOf);
            organisation.UsePolicy(CommonOptions.PolicyJson(null, "en"));
            organisation.Store.Seed(CmtPackageReader.Read(_export).All);
            return await WebApiHost.Start(organisation);
        }

        private static LiveSettings Settings(WebApiHost host, RequestLimits? limits = null, TimeProvider? time = null) => new()
        {
            Time = time ?? TimeProvider.System,
            MsalHttp = new LoopbackMsalHttp(host.Url),
            Limits = limits ?? new RequestLimits { BaseDelay = TimeSpan.FromMilliseconds(20) },
            // Small pages, so every table is read over several pages with paging cookies.
            PageSize = 4,
            ActivityPageSize = 6,
        };

        private static string[] SignIn(WebApiHost host, params string[] command) => command.Concat(new[]
        {
            "--environment", host.Url.ToString(), "--client-id", WebApiHost.ClientId, "--tenant", WebApiHost.Tenant, "--client-secret-env", WebApiHost.SecretVariable,
        }).ToArray();

        [Test]
        public async Task Score_of_an_environment_gives_the_same_table_as_score_of_its_export_through_throttling_drops_and_an_expired_token()
        {
            await using var host = await Environment_();
            host.Inject(5, Fault.TooManyRequests);
            host.Inject(6, Fault.TooManyRequests);
            host.Inject(9, Fault.ServiceUnavailable);
            host.Inject(12, Fault.DropConnection);
            host.Inject(20, Fault.ExpireToken);
            var fromExport = Path.Combine(_folder, "from-export");
            var fromEnvironment = Path.Combine(_folder, "from-environment");

            var export = CliHarness.Run("score", _export, "--as-of", "2026-06-30", "--output", fromExport);
            var live = CliHarness.Run(Settings(host), SignIn(host, "score", "--as-of", "2026-06-30", "--output", fromEnvironment));

            Assert.Multiple(() =>
            {
                Assert.That(export.Exit, Is.Zero, export.Output);
                Assert.That(live.Exit, Is.Zero, live.Output);
                Assert.That(File.ReadAllText(Path.Combine(fromEnvironment, "accounts.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(fromExport, "accounts.csv"))));
                Assert.That(Table(live.Output), Is.EqualTo(Table(export.Output)).And.Not.Empty);
                Assert.That(live.Output, Does.Contain("4 retried (429: 2, 503: 1, network: 1); token refreshed 1 time."));
                Assert.That(host.Requests.Select(r => r.Method).Distinct(), Is.EqualTo(new[] { "GET" }), "score never writes");
                Assert.That(host.Requests.Count(r => r.Path.Contains("fetchXml=", StringComparison.Ordinal) && r.Path.Contains("paging-cookie", StringComparison.Ordinal)), Is.GreaterThan(5),
                    "later pages carry the paging cookie");
            });
        }

        /// <summary>The rows of the accounts table as the console shows them (the lines with the pillar columns' separators).</summary>
        private static string[] Table(string output) =>
            output.Split('\n').Where(l => l.Contains('│') && !l.Contains("Reading", StringComparison.Ordinal) && !l.Contains("Scoring", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToArray();

        [Test]
        public async Task Backfill_rescores_every_account_once_through_throttling_a_dropped_response_and_an_expired_token_and_a_rerun_rescores_none()
        {
            await using var host = await Environment_();
            var organisation = host.Organisation;
            var rescored = new ConcurrentDictionary<Guid, int>();
            organisation.Store.BeforeRequest += (_, e) =>
            {
                // Each request a plugin sends takes a second, so a call's time budget ends after a few accounts.
                organisation.Clock.UtcNow = organisation.Clock.UtcNow.AddSeconds(1);
                if (e.MessageName == "Update" && e.Request.Parameters["Target"] is Entity { LogicalName: AccountSchema.EntityName } target && target.Contains(AccountSchema.HealthScoredOn))
                    rescored.AddOrUpdate(target.Id, 1, (_, n) => n + 1);
            };
            host.Inject(3, Fault.TooManyRequests);
            host.Inject(4, Fault.TooManyRequests);
            host.Inject(5, Fault.DropConnection);
            host.Inject(7, Fault.ServiceUnavailable);
            host.Inject(8, Fault.ExpireToken);
            var accounts = CmtPackageReader.Read(_export).Rows(AccountSchema.EntityName).Select(a => a.Id).ToList();

            var first = CliHarness.Run(Settings(host), SignIn(host, "backfill", "--time-budget", "12"));
            var calls = host.Requests.Count(r => r.Method == "POST");
            var second = CliHarness.Run(Settings(host), SignIn(host, "backfill", "--time-budget", "12"));

            Assert.Multiple(() =>
            {
                Assert.That(first.Exit, Is.Zero, first.Output);
                Assert.That(rescored.Keys, Is.EquivalentTo(accounts), "every account rescored");
                Assert.That(rescored.Where(r => r.Value != 1).Select(r => r.Key), Is.Empty, "no account rescored twice, the dropped call's retry included");
                Assert.That(calls, Is.GreaterThan(3), "the time budget split the work over several calls");
                Assert.That(first.Output, Does.Contain("; remaining 0."));
                Assert.That(first.Output, Does.Contain("4 retried (429: 2, 503: 1, network: 1); token refreshed 1 time."));
                Assert.That(second.Exit, Is.Zero, second.Output);
                Assert.That(second.Output, Does.Contain("Rescored 0 accounts"));
                Assert.That(rescored.Values.Sum(), Is.EqualTo(accounts.Count), "the rerun rescored nothing");
            });
        }

        [Test]
        public async Task No_request_goes_beyond_the_concurrency_cap_or_the_request_budget()
        {
            await using var host = await Environment_();
            host.Latency = TimeSpan.FromMilliseconds(30);
            var limits = new RequestLimits { MaxConcurrency = 3, RequestsPerWindow = 10, Window = TimeSpan.FromSeconds(2), BaseDelay = TimeSpan.FromMilliseconds(20) };
            var settings = Settings(host, limits);
            var accounts = CmtPackageReader.Read(_export).Rows(AccountSchema.EntityName).Select(a => a.Id).ToList();
            var stats = new RequestStats();
            var tokens = new MsalTokenSource(host.Url, new SignInOptions { ClientId = WebApiHost.ClientId, Tenant = WebApiHost.Tenant, ClientSecretVariable = WebApiHost.SecretVariable }, _ => { },
                http: settings.MsalHttp);
            using var connection = EnvironmentConnection.Open(host.Url, tokens, settings, stats);
            // Warm both ends up (a first request is slow), then start with an empty budget and log.
            connection.Service.Retrieve(AccountSchema.EntityName, accounts[0], new Microsoft.Xrm.Sdk.Query.ColumnSet(AccountSchema.Name));
            await Task.Delay(limits.Window);
            host.Requests.Clear();

            // The host runs in this process: callers blocking pool threads must not starve it, or it would see
            // requests late and bunched together.
            ThreadPool.GetMinThreads(out var workers, out var ports);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), ports);
            try
            {
                Parallel.ForEach(Enumerable.Range(0, 2).SelectMany(_ => accounts), new ParallelOptions { MaxDegreeOfParallelism = 12 },
                    id => connection.Service.Retrieve(AccountSchema.EntityName, id, new Microsoft.Xrm.Sdk.Query.ColumnSet(AccountSchema.Name)));
            }
            finally
            {
                ThreadPool.SetMinThreads(workers, ports);
            }

            var times = host.Requests.Select(r => r.At).OrderBy(t => t).ToList();
            // The server sees a request a little after the tool sends it (more so on a busy machine): a window
            // 300 ms shorter than the budget's absorbs that, and still holds more than the budget would allow.
            var busiest = times.Max(t => times.Count(u => u >= t && u < t.AddMilliseconds(1700)));
            Assert.Multiple(() =>
            {
                Assert.That(times, Has.Count.GreaterThan(25));
                Assert.That(host.MaxInFlight, Is.InRange(2, 3), "requests overlapped, never more than the cap");
                Assert.That(busiest, Is.LessThanOrEqualTo(10), "never more than the budget in any window");
                Assert.That(new RequestLimits().MaxConcurrency, Is.LessThan(RequestLimits.PlatformConcurrency));
                Assert.That(new RequestLimits().RequestsPerWindow, Is.LessThan(RequestLimits.PlatformRequestsPerWindow));
                Assert.That(new RequestLimits().Window, Is.EqualTo(TimeSpan.FromMinutes(5)));
            });
        }

        [Test]
        public async Task A_wrong_url_is_one_line_and_exit_code_4()
        {
            await using var host = await Environment_();
            var closed = new TcpListener(IPAddress.Loopback, 0);
            closed.Start();
            var port = ((IPEndPoint)closed.LocalEndpoint).Port;
            closed.Stop();
            var args = SignIn(host, "score");
            args[Array.IndexOf(args, "--environment") + 1] = $"http://127.0.0.1:{port}/";

            var (exit, output) = CliHarness.Run(Settings(host), args);

            Assert.That(exit, Is.EqualTo(ExitCodes.EnvironmentUnavailable), output);
            Assert.That(output.Trim(), Does.StartWith($"Error: http://127.0.0.1:{port} cannot be reached").And.Not.Contains("\n"));
        }

        [Test]
        public async Task A_refused_sign_in_is_one_line_and_exit_code_4_and_never_shows_the_secret()
        {
            await using var host = await Environment_();
            System.Environment.SetEnvironmentVariable("LOYALTY_TEST_WRONG_SECRET", "wrong-" + WebApiHost.Secret);
            try
            {
                var args = SignIn(host, "backfill");
                args[Array.IndexOf(args, "--client-secret-env") + 1] = "LOYALTY_TEST_WRONG_SECRET";

                var (exit, output) = CliHarness.Run(Settings(host), args);

                Assert.That(exit, Is.EqualTo(ExitCodes.EnvironmentUnavailable), output);
                Assert.That(output, Does.Contain("Microsoft Entra ID refused the sign-in").And.Contains("invalid_client").And.Not.Contains(WebApiHost.Secret));
                Assert.That(host.Requests, Is.Empty, "nothing reached the environment");
            }
            finally
            {
                System.Environment.SetEnvironmentVariable("LOYALTY_TEST_WRONG_SECRET", null);
            }
        }

        [Test]
        public async Task Score_refuses_an_output_it_could_never_write_before_it_reads_the_environment()
        {
            await using var host = await Environment_();
            var aFile = Path.Combine(_folder, "not-a-folder.txt");
            File.WriteAllText(aFile, "mine");

            var (exit, output) = CliHarness.Run(Settings(host), SignIn(host, "score", "--output", aFile));

            Assert.That(exit, Is.EqualTo(ExitCodes.InvalidInput), output);
            Assert.That(output.Trim(), Is.EqualTo($"Error: --output {aFile} is a file; give a folder."));
            Assert.That(host.Requests, Is.Empty, "nothing reached the environment");
        }

        [TestCase("score", "prvReadAccount")]
        [TestCase("backfill", CustomApiNames.RecalculateStalePrivilege)]
        [TestCase("check", "prvReadSolution")]
        public async Task A_missing_privilege_is_one_line_naming_it_and_exit_code_5(string command, string privilege)
        {
            await using var host = await Environment_();
            host.MissingPrivileges.Add(privilege);

            var (exit, output) = CliHarness.Run(Settings(host), SignIn(host, command));

            Assert.That(exit, Is.EqualTo(ExitCodes.NotPermitted), output);
            Assert.That(output, Does.Contain($"is missing {privilege} privilege").And.Contains("Loyalty Health Administrator"));
        }
    }
}
