using System;
using System.IO;
using System.Reflection;
using NUnit.Framework;

namespace LoyaltyHealth.Tests
{
    /// <summary>
    /// Where tests find the repository's files: the repository (by its .sln, above the test output),
    /// Microsoft's schemas in ../shared beside it as in a CI clone, and the net462 plugin build of the
    /// configuration the tests were built in.
    /// </summary>
    internal static class RepositoryPaths
    {
        public static string Root
        {
            get
            {
                for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
                {
                    if (File.Exists(Path.Combine(folder.FullName, "LoyaltyPlugin.sln"))) return folder.FullName;
                }
                throw new DirectoryNotFoundException(
                    $"No LoyaltyPlugin.sln above {TestContext.CurrentContext.TestDirectory}: run the tests from their own output folder inside the repository.");
            }
        }

        public static string Solution => Path.Combine(Root, "solution");

        public static string Schemas => Path.Combine(Directory.GetParent(Root)!.FullName, "shared", "schemas");

        public static string Configuration =>
            typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        /// <summary>The folder of the deployable plugin build; fails with a clear message when it was not built.</summary>
        public static string Net462PluginBuild
        {
            get
            {
                var folder = Path.Combine(Root, "Plugins", "bin", Configuration, "net462");
                Assert.That(Path.Combine(folder, "LoyaltyHealth.Plugins.dll"), Does.Exist, "the net462 plugin build is missing; build the solution first");
                return folder;
            }
        }
    }
}
