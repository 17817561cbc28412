using System;
using System.IO;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>
    /// Finds the solution whose registrations drive the local pipeline and whose tables (Entities/, or the
    /// entities of customizations.xml in a zip) give the local organisation its schema: the unpacked folder
    /// or the packed solution zip given (dist/LoyaltyHealth_1_0_0_0.zip runs the plugins exactly as the zip
    /// binds them), else the copy built next to the tool, else solution/ in a parent of the working folder.
    /// </summary>
    public static class SolutionLocator
    {
        public static string Find(string? given)
        {
            if (given is not null)
            {
                if (File.Exists(given) && given.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return given;
                if (!Directory.Exists(Path.Combine(given, StepFileReader.FolderName)))
                    throw new DirectoryNotFoundException($"{given} is neither a packed solution zip nor an unpacked solution folder with a {StepFileReader.FolderName} folder.");
                return given;
            }
            var beside = Path.Combine(AppContext.BaseDirectory, "solution");
            if (Directory.Exists(Path.Combine(beside, StepFileReader.FolderName))) return beside;
            for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "solution");
                if (Directory.Exists(Path.Combine(candidate, StepFileReader.FolderName))) return candidate;
            }
            throw new DirectoryNotFoundException("No unpacked solution with step registrations was found; pass --solution <folder>.");
        }
    }
}
