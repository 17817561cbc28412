using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// The packed net462 assemblies run on a .NET Framework-compatible runtime (Mono, which .ci/run
    /// installs): Tools/SandboxSmoke loads only the files of the plugin package in dist/ plus the SDK,
    /// creates every plugin class and executes every step it declares against an empty organisation.
    /// It proves the package's assemblies load, resolve each other and run their step paths without a
    /// missing type, member or file; it does not prove the Dataverse sandbox (isolation, trust level,
    /// the real SDK's behaviour) accepts them.
    /// </summary>
    public class SandboxSmokeTests
    {
        private string _folder = null!;

        [SetUp]
        public void ExtractThePackage()
        {
            _folder = Path.Combine(Path.GetTempPath(), "loyalty-smoke-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            using var package = new ZipArchive(new MemoryStream(SolutionSource.DistPackage), ZipArchiveMode.Read);
            foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("lib/net462/", StringComparison.Ordinal) && e.Name.Length > 0))
                entry.ExtractToFile(Path.Combine(_folder, entry.Name));
        }

        [TearDown]
        public void Remove() => Directory.Delete(_folder, recursive: true);

        private static (int Exit, string Output) Smoke(string folder)
        {
            var exe = Path.Combine(SolutionSource.Repository, "Tools", "SandboxSmoke", "bin", RepositoryPaths.Configuration, "net462", "LoyaltyHealth.SandboxSmoke.exe");
            Assert.That(exe, Does.Exist, "the smoke program is built with the solution");
            var mono = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(p => Path.Combine(p, "mono")).FirstOrDefault(File.Exists);
            if (mono is null) Assert.Fail("mono is not installed; bash .ci/run installs Debian's mono-runtime (see README, 'Pack and import').");
            var start = new ProcessStartInfo(mono!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(exe);
            start.ArgumentList.Add(folder);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(120_000), Is.True, "the smoke run did not finish in two minutes");
            return (process.ExitCode, output.Result + errors.Result);
        }

        [Test]
        public void Every_plugin_of_the_shipped_package_loads_and_runs_each_declared_step_on_a_framework_runtime()
        {
            var (exit, output) = Smoke(_folder);
            var plugins = SolutionModel.PluginClasses();
            var steps = SolutionModel.Declared().Count;

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(0), output);
                Assert.That(output, Does.Contain($"{plugins.Count} plugin types, 0 load failures"), output);
                Assert.That(output.Split('\n').Count(l => l.Contains(": ok (") || l.Contains(": refused (")), Is.EqualTo(steps), output);
                foreach (var plugin in plugins) Assert.That(output, Does.Contain(plugin.FullName + ": "), output);
            });
        }

        [Test]
        public void A_package_without_the_model_assembly_fails_to_load()
        {
            File.Delete(Path.Combine(_folder, "LoyaltyHealth.Model.dll"));

            var (exit, output) = Smoke(_folder);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1), output);
                Assert.That(output, Does.Contain("LOAD FAILURE").And.Contain("LoyaltyHealth.Model"));
            });
        }
    }
}
