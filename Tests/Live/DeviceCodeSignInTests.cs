using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LoyaltyHealth.Tests.Cli;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Live
{
    public partial class LiveEnvironmentTests
    {
        [Test]
        public async Task Score_with_a_device_code_shows_the_code_once_waits_for_the_sign_in_and_scores_without_showing_a_token()
        {
            await using var host = await Environment_();
            var fromEnvironment = Path.Combine(_folder, "device-code");
            var args = new[]
            {
                "score", "--as-of", "2026-06-30", "--output", fromEnvironment,
                "--environment", host.Url.ToString(), "--client-id", WebApiHost.ClientId, "--tenant", WebApiHost.Tenant, "--device-code",
            };

            var (exit, output) = CliHarness.Run(Settings(host), args);

            var message = $"To sign in, use a web browser to open the page {WebApiHost.VerificationUri} and enter the code {WebApiHost.UserCode} to authenticate.";
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(Regex.Matches(output, Regex.Escape(message)), Has.Count.EqualTo(1), "the code is shown once: later requests renew silently");
                Assert.That(output.IndexOf(message, StringComparison.Ordinal), Is.LessThan(output.IndexOf("Connected to", StringComparison.Ordinal)), "the code comes before the run");
                Assert.That(output, Does.Contain($"as user {WebApiHost.UserId}."));
                Assert.That(Table(output), Is.Not.Empty);
                Assert.That(File.Exists(Path.Combine(fromEnvironment, "accounts.csv")));
                Assert.That(host.DeviceCodesIssued, Is.EqualTo(1));
                Assert.That(host.DeviceCodePolls, Is.EqualTo(2), "polled again after authorization_pending");
                Assert.That(host.IssuedTokens, Has.Count.EqualTo(1), "one sign-in for the whole run");
                Assert.That(host.IssuedTokens.Concat(host.DeviceCodes).Where(output.Contains), Is.Empty, "no token or device code on the screen");
                Assert.That(host.Requests, Is.Not.Empty);
            });
        }
    }
}
