using System;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Keeps the managed heap's hard limit above what a run must hold. Cli.csproj sets the limit (runtimeconfig.json's
    /// System.GC.HeapHardLimit): without one, the server collector sizes its room to the live data, so the peak grew by
    /// about 1.5 KB an account, and every new allocation touched memory it had not used before; with one it reuses what it
    /// has, and staging and scoring took less processor time (docs/performance-log.md). What a run holds that grows with the
    /// export is the maps that resolve links (an entry per account, contact and opportunity: <see cref="ExportStaging"/>);
    /// as they grow the limit is raised through the collector's documented <see cref="GC.RefreshMemoryLimit"/>, so no export
    /// is too large for it. A process without the setting (the tests' host) is left as it is.
    /// </summary>
    public sealed class HeapLimit
    {
        /// <summary>The runtimeconfig.json setting that Cli.csproj declares; its value is read from the running process.</summary>
        public const string Setting = "System.GC.HeapHardLimit";

        /// <summary>
        /// What an entry of the maps costs at most while they grow: a dictionary entry of an id and an ordinal with its bucket
        /// (about 32 bytes), while a resize briefly holds the old arrays beside the new ones.
        /// </summary>
        public const long BytesPerLink = 64;

        /// <summary>The maps are weighed after every so many entries: a check costs nothing next to staging a record.</summary>
        public const int LinksPerCheck = 1 << 14;

        private readonly ulong _room;
        private readonly Action<ulong> _raise;
        private ulong _limit;

        /// <param name="configured">The limit runtimeconfig.json sets for the process; 0 when none is.</param>
        /// <param name="effective">The limit in force: another one when the environment set it (DOTNET_GCHeapHardLimit).</param>
        /// <param name="raise">Sets a new, higher limit.</param>
        /// <remarks>
        /// A limit the environment sets, smaller or larger, is the user's choice and is never raised: with too small a one the
        /// run stops with the documented out-of-memory error instead of taking more than it was allowed.
        /// </remarks>
        public HeapLimit(ulong configured, ulong effective, Action<ulong> raise)
        {
            _room = effective == configured ? configured : 0;
            _limit = effective;
            _raise = raise;
        }

        /// <summary>The limit of this process as runtimeconfig.json sets it, raised through the collector.</summary>
        public static HeapLimit OfThisProcess()
        {
            var configured = ulong.TryParse(AppContext.GetData(Setting) as string, out var bytes) ? bytes : 0;
            return new HeapLimit(configured, (ulong)GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, limit =>
            {
                // The private name is the one the collector reads on a refresh (GC.RefreshMemoryLimit's documentation).
                AppContext.SetData("GCHeapHardLimit", limit);
                GC.RefreshMemoryLimit();
            });
        }

        /// <summary>The limit in force, as this run has raised it.</summary>
        public ulong Limit => _limit;

        /// <summary>
        /// Makes room for <paramref name="links"/> entries of the maps on top of the configured room, which holds the run's other
        /// data; the limit grows by a quarter at least each time, so a growing export raises it a few times only.
        /// </summary>
        /// <remarks>
        /// The maps were first given a quarter of the room, but 200,000 accounts × 5 activities ran out of memory there (the
        /// server collector splits the limit between its heaps, and a growing map's new arrays go to one of them at once).
        /// </remarks>
        public void Hold(long links)
        {
            if (_room == 0) return;
            var wanted = _room + (ulong)links * BytesPerLink;
            if (wanted <= _limit) return;
            _limit = Math.Max(wanted, _limit + _limit / 4);
            _raise(_limit);
        }
    }
}
