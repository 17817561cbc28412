using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>How many abandoned temporary files a sweep removed, and their size.</summary>
    public sealed record ScratchSweep(int Files, long Bytes);

    /// <summary>
    /// Names the temporary files of a run (the staging store, the results, the record ids, a generated export) after the
    /// process that writes them, loyalty-&lt;purpose&gt;-&lt;process id&gt;-&lt;random&gt;.&lt;extension&gt;, so that a
    /// later run can tell an abandoned file from one in use. A run removes its files when it ends, fails or is stopped
    /// with Ctrl+C, but not when it is killed or crashes, and at 50,000 accounts its staging file alone is about a gigabyte.
    /// Every command therefore sweeps the temporary folder first (<see cref="RemoveAbandoned(string)"/>).
    /// </summary>
    public static class ScratchFiles
    {
        private static readonly Regex Named = new(
            @"^loyalty-(staging|results|ids|sample|benchmark)-(?<process>[0-9]{1,10})-[0-9a-f]{32}\.(db|bin|zip)$",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        /// <summary>
        /// Linux gives a process's start to the clock tick but the moment the machine booted only to the second, so a start
        /// read back may be a second late; a file is taken as older than its process only beyond this margin.
        /// </summary>
        private static readonly TimeSpan StartMargin = TimeSpan.FromSeconds(5);

        /// <summary>A new file's path in <paramref name="folder"/> (by default the temporary folder), named after this process.</summary>
        /// <param name="purpose">staging, results, ids, sample or benchmark: what a listing of the folder shows.</param>
        /// <param name="extension">With its dot: .db, .bin or .zip.</param>
        public static string NewPath(string purpose, string extension, string? folder = null) =>
            Path.Combine(folder ?? Path.GetTempPath(),
                $"loyalty-{purpose}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}{extension}");

        /// <summary>
        /// Deletes this tool's temporary files in <paramref name="folder"/> whose process has gone: no process runs with its
        /// id, or the one that does started after the file was last written (the id was given again). A file whose owner
        /// cannot be told, one in use, or any other file is left alone; a file that cannot be deleted is passed over.
        /// </summary>
        public static ScratchSweep RemoveAbandoned(string folder) => RemoveAbandoned(folder, StartOf);

        /// <param name="startOf">When the process of an id started (UTC); null when none runs with it.</param>
        internal static ScratchSweep RemoveAbandoned(string folder, Func<int, DateTime?> startOf)
        {
            int files = 0;
            long bytes = 0;
            try
            {
                foreach (var path in Directory.EnumerateFiles(folder, "loyalty-*"))
                {
                    var match = Named.Match(Path.GetFileName(path));
                    if (!match.Success || !int.TryParse(match.Groups["process"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var process)) continue;
                    try
                    {
                        var file = new FileInfo(path);
                        if (startOf(process) is { } started && started <= file.LastWriteTimeUtc + StartMargin) continue;
                        var length = file.Length;
                        file.Delete();
                        files++;
                        bytes += length;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Gone meanwhile (another run swept it), or held: it is no longer, or not yet, this run's to remove.
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder that cannot be listed is no reason to stop a run; its own files fail with a clear error.
            }
            return new ScratchSweep(files, bytes);
        }

        /// <summary>When the process of that id started (UTC); null when none runs; <see cref="DateTime.MinValue"/> when its start cannot be read, so its files are kept.</summary>
        private static DateTime? StartOf(int process)
        {
            try
            {
                using var running = Process.GetProcessById(process);
                return running.StartTime.ToUniversalTime();
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
            {
                return DateTime.MinValue;
            }
        }
    }
}
