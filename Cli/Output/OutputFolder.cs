using System;
using System.IO;
using System.Linq;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// Writes a run's files into a fresh folder next to the output folder and puts it in place as a whole:
    /// the old folder is renamed aside, the new one renamed in, and the old one deleted; if the second
    /// rename fails the old folder is renamed back. Either the old output or the new one is there, never a
    /// mix. A folder is only replaced when it is one this tool wrote (it holds the marker file, or only
    /// report.html and accounts.csv) or is empty, so pointing --output at a folder with other files never
    /// deletes them.
    /// </summary>
    public sealed class OutputFolder : IDisposable
    {
        public const string Marker = ".loyalty-report";
        private static readonly string[] OwnFiles = { Marker, "report.html", "accounts.csv" };
        private readonly string _target;
        private bool _committed;

        public OutputFolder(string target)
        {
            _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
            if (File.Exists(_target)) throw new IOException($"--output {target} is a file; give a folder.");
            if (Directory.Exists(_target) && !Replaceable(_target))
                throw new IOException($"--output {target} holds files this tool did not write; give a new or empty folder, or one it wrote before.");
            var parent = Path.GetDirectoryName(_target) ?? Directory.GetCurrentDirectory();
            Staging = Path.Combine(parent, "." + Path.GetFileName(_target) + ".writing-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(parent);
                Directory.CreateDirectory(Staging);
                File.WriteAllText(Path.Combine(Staging, Marker), "Written by the loyalty tool; the whole folder is replaced by its next run.\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Dispose();
                throw CannotWrite($"--output {target}", parent, e);
            }
        }

        /// <summary>The one line for an output the user named that cannot be written where it has to go.</summary>
        internal static IOException CannotWrite(string named, string folder, Exception e) =>
            new($"{named}: cannot write in {folder} ({e.Message.Split('\n')[0].Trim()}); give a folder this user can write.", e);

        /// <summary>
        /// Checks, before a run that may take minutes or read a live environment, that its output can be put in place:
        /// the same checks and the same writing beside the folder as the run's own output, undone at once. A run that
        /// could never write its result stops before it starts, not after.
        /// </summary>
        /// <exception cref="IOException">The output is a file, a folder with files this tool did not write, or cannot be written.</exception>
        public static void CheckBeforeRun(string target)
        {
            using var probe = new OutputFolder(target);
        }

        /// <summary>Where the files are written until <see cref="Commit"/>.</summary>
        public string Staging { get; }

        public string Target => _target;

        /// <summary>For tests: runs between moving the old folder aside and moving the new one in.</summary>
        internal static Action<string>? BeforeSwap { get; set; }

        public string PathOf(string fileName) => Path.Combine(Staging, fileName);

        /// <summary>Replaces the output folder with the written one, as a whole.</summary>
        public void Commit()
        {
            string? aside = null;
            if (Directory.Exists(_target))
            {
                aside = Path.Combine(Path.GetDirectoryName(_target)!, "." + Path.GetFileName(_target) + ".old-" + Guid.NewGuid().ToString("N"));
                Directory.Move(_target, aside);
            }
            try
            {
                BeforeSwap?.Invoke(_target);
                Directory.Move(Staging, _target);
            }
            catch
            {
                if (aside is not null && !Directory.Exists(_target)) Directory.Move(aside, _target);
                throw;
            }
            _committed = true;
            if (aside is not null) Directory.Delete(aside, recursive: true);
        }

        public void Dispose()
        {
            if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }

        private static bool Replaceable(string folder) =>
            !Directory.EnumerateDirectories(folder).Any()
            && (File.Exists(Path.Combine(folder, Marker)) || Directory.EnumerateFiles(folder).All(f => OwnFiles.Contains(Path.GetFileName(f))));
    }
}
