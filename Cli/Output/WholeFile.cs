using System;
using System.IO;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// Writes a file under a temporary name beside it and renames it into place, so the file is only ever whole:
    /// a write that fails or is stopped removes its partial file and leaves an earlier file of that name as it was.
    /// Where the file could never be written (a folder of that name, a folder that cannot be created or written)
    /// it says so before the write starts, not after minutes of generating.
    /// </summary>
    internal static class WholeFile
    {
        /// <param name="option">The option that named the file, for the message (e.g. <c>--output</c>).</param>
        /// <param name="write">Writes the whole file at the path it is given.</param>
        public static void Write(string target, string option, Action<string> write)
        {
            target = Path.GetFullPath(target);
            if (Directory.Exists(target)) throw new IOException($"{option} {target} is a folder; give a file name, such as {Path.Combine(target, "data.zip")}.");
            var folder = Path.GetDirectoryName(target)!;
            var partial = target + ".writing";
            try
            {
                Directory.CreateDirectory(folder);
                using (File.Create(partial)) { }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw OutputFolder.CannotWrite($"{option} {target}", folder, e);
            }

            try
            {
                write(partial);
                File.Move(partial, target, overwrite: true);
            }
            catch
            {
                if (File.Exists(partial)) File.Delete(partial);
                throw;
            }
        }
    }
}
