using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Report
{
    /// <summary>
    /// Headless Chromium from the system (Debian's chromium package; .ci/run installs it). A test that
    /// needs it fails with a clear message when it is missing, rather than passing without looking.
    /// </summary>
    internal static class Chromium
    {
        private static readonly string[] Names = { "chromium", "chromium-browser", "google-chrome" };

        public static string Executable()
        {
            var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
                .FirstOrDefault(File.Exists);
            if (path is null)
                Assert.Fail("Chromium is not installed, so the report cannot be rendered: install it with 'apt-get install -y chromium' (.ci/run does this).");
            return path!;
        }

        /// <summary>Runs Chromium headless on a local file with the given extra arguments and returns what it printed.</summary>
        public static string Run(string htmlFile, params string[] arguments)
        {
            var profile = Path.Combine(Path.GetTempPath(), "loyalty-chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(profile);
            try
            {
                var start = new ProcessStartInfo(Executable())
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[]
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                }.Concat(arguments).Append(new Uri(htmlFile).AbsoluteUri))
                    start.ArgumentList.Add(argument);
                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("Chromium did not finish rendering the report within two minutes.");
                }
                return output.Result + (process.ExitCode == 0 ? "" : "\n" + errors.Result);
            }
            finally
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
