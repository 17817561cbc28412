using System;
using System.IO;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// Writes a run's files into a fresh folder next to the output folder and moves them into place only
    /// when all were written, so a failed run leaves nothing half-written behind.
    /// </summary>
    public sealed class OutputFolder : IDisposable
    {
        private readonly string _target;
        private bool _committed;

        public OutputFolder(string target)
        {
            _target = Path.GetFullPath(target);
            var parent = Path.GetDirectoryName(_target.TrimEnd(Path.DirectorySeparatorChar)) ?? Directory.GetCurrentDirectory();
            Directory.CreateDirectory(parent);
            Staging = Path.Combine(parent, "." + Path.GetFileName(_target.TrimEnd(Path.DirectorySeparatorChar)) + ".writing-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Staging);
        }

        /// <summary>Where the files are written until <see cref="Commit"/>.</summary>
        public string Staging { get; }

        public string Target => _target;

        public string PathOf(string fileName) => Path.Combine(Staging, fileName);

        /// <summary>Moves every written file into the output folder, replacing files of the same name.</summary>
        public void Commit()
        {
            Directory.CreateDirectory(_target);
            foreach (var file in Directory.EnumerateFiles(Staging))
                File.Move(file, Path.Combine(_target, Path.GetFileName(file)), overwrite: true);
            _committed = true;
            Directory.Delete(Staging, recursive: true);
        }

        public void Dispose()
        {
            if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
    }
}
