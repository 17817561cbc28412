using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.IO;

namespace LoyaltyHealth.Pack
{
    /// <summary>The repository the pack runs in: found by its solution file, so the command works from any subfolder.</summary>
    public static class Repository
    {
        public const string SolutionFile = "LoyaltyPlugin.sln";

        public static string FindRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
                }
            }
            throw new PackError($"No {SolutionFile} found above {Directory.GetCurrentDirectory()}; run the pack inside the repository.");
        }

        public static string PluginBuildFolder(string root, string configuration) =>
            Path.Combine(root, "Plugins", "bin", configuration, "net462");

        /// <summary>The builds of the repository's code components: every Controls/&lt;project&gt;/out/controls (pcfconfig.json's outDir).</summary>
        public static IReadOnlyList<string> ControlBuildFolders(string root)
        {
            var controls = Path.Combine(root, "Controls");
            if (!Directory.Exists(controls)) return Array.Empty<string>();
            var list = new List<string>();
            foreach (var project in Directory.EnumerateDirectories(controls).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(project, "pcfconfig.json"))) list.Add(Path.Combine(project, "out", "controls"));
            }
            return list;
        }

        /// <summary>Builds the deployable (net462) plugin assembly with the normal build, so packing never packs a stale build.</summary>
        public static void BuildPlugins(string root, string configuration)
        {
            var project = Path.Combine(root, "Plugins", "Plugins.csproj");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = root };
            foreach (var argument in new[] { "build", project, "-c", configuration, "-f", "net462", "-nologo", "-v:quiet" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new PackError("Could not start 'dotnet build'.");
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new PackError($"Building {project} for net462 ({configuration}) failed with exit code {process.ExitCode}; see the build output above.");
        }
    }
}
