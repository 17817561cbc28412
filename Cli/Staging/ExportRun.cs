using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Plugins.Health;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>What a scoring run measured, as <c>score</c> and <c>benchmark</c> print it.</summary>
    public sealed record ExportRunStats
    {
        public long RecordsRead { get; init; }
        public long RecordsInSkippedTables { get; init; }
        public long RecordsExcludedAfterAsOf { get; init; }
        public long RecordsInNoAccount { get; init; }
        public int AccountsScored { get; init; }
        public int AccountsFailed { get; init; }
        public long Requests { get; init; }
        /// <summary>Of <see cref="Requests"/>, the import's own: one Create per account (<see cref="AccountReplay.ImportRequestsPerAccount"/>).</summary>
        public long ImportRequests { get; init; }
        public IReadOnlyDictionary<string, long> RequestsByMessage { get; init; } = new Dictionary<string, long>();
        public TimeSpan Staging { get; init; }
        public TimeSpan Scoring { get; init; }
        public TimeSpan Elapsed => Staging + Scoring;
        public long PeakWorkingSetBytes { get; init; }
        public int Workers { get; init; }
        public double RequestsPerAccount => PerAccount(Requests);
        /// <summary>What the product adds to an import, per account: every request but the import's own Create.</summary>
        public double ProductRequestsPerAccount => PerAccount(Requests - ImportRequests);
        public double ImportRequestsPerAccount => PerAccount(ImportRequests);

        private double PerAccount(long requests) => AccountsScored == 0 ? 0 : requests / (double)AccountsScored;
    }

    /// <summary>
    /// Scores an export at any size: stages it once (<see cref="ExportStaging"/>), then replays each
    /// account's slice through the plugins in its own small organisation (<see cref="AccountReplay"/>), on
    /// as many workers as there are cores. Memory is the staging's id maps plus a few slices in flight: the
    /// results go to a file of their own as they are scored.
    /// </summary>
    public static class ExportRun
    {
        /// <summary>
        /// Stages the file; the as-of moment is the one given, else the export's timestamp, else now. Three threads
        /// share the cores: one parses the XML, one reads the parsed records' values, and this one stages them. Which
        /// part is the heaviest depends on the file's order: in an export listed by creation, staging resolves each
        /// activity's links in maps too large for the processor's caches and is the heaviest, in account order parsing
        /// is; with a thread each, the scheduler gives the cores to whichever is behind, where with two threads (parsing,
        /// then reading and staging together) the parsing core waited a fifth of the time at 50,000 x 100 by creation.
        /// A record that appears twice is refused once the file is read (<see cref="UniqueRecordIds"/>), while the staging
        /// is finished. Cancelling <paramref name="cancel"/> stops it with an <see cref="OperationCanceledException"/>, its files removed.
        /// </summary>
        public static ExportStaging Stage(CmtPackageReader reader, DateTime? asOf, Action<long>? progress = null, CancellationToken cancel = default)
        {
            using var ids = new UniqueRecordIds();
            // Each record's values go straight into its staged form, with no entity built for it (StagedRecord), which is
            // handed back to be filled again once staged.
            var spares = new ConcurrentQueue<StagedRecord>();
            var read = ReadAhead.Of(ids.StagedRecords(reader, ReadAhead.Of(reader.Parse(refuseRepeatsInMemory: false), "record parser"), spares), "record values");
            return Staged(read, (into, record) =>
                {
                    into.Add(record);
                    spares.Enqueue(record);
                },
                () => ToTheSecond(asOf ?? reader.ExportedOn ?? DateTime.UtcNow), progress, null, cancel, ids.Check);
        }

        /// <summary>
        /// Stages records from any source (an export, an environment read through the Web API); the as-of moment
        /// is asked for once the first record is read. The source is read ahead on a second thread
        /// (<see cref="ReadAhead"/>), so reading and parsing overlap with staging; the staging file goes to
        /// <paramref name="folder"/>, by default the temporary folder.
        /// </summary>
        public static ExportStaging Stage(IEnumerable<Microsoft.Xrm.Sdk.Entity> records, Func<DateTime> asOf, Action<long>? progress = null, string? folder = null,
            CancellationToken cancel = default) =>
            Staged(ReadAhead.Of(records), (into, record) => into.Add(record), asOf, progress, folder, cancel);

        /// <param name="checkRead">
        /// A check of the records read, run on another thread while the staging is finished (the two take a core each); what it
        /// throws is thrown once the staging is finished, after any error of the staging's own.
        /// </param>
        private static ExportStaging Staged<T>(IEnumerable<T> records, Action<ExportStaging, T> add, Func<DateTime> asOf, Action<long>? progress, string? folder,
            CancellationToken cancel, Action? checkRead = null)
        {
            ExportStaging? staging = null;
            try
            {
                foreach (var record in records)
                {
                    staging ??= new ExportStaging(asOf(), folder);
                    add(staging, record);
                    if (staging.Records % 10_000 != 0) continue;
                    cancel.ThrowIfCancellationRequested();
                    progress?.Invoke(staging.Records);
                }
                cancel.ThrowIfCancellationRequested();
                staging ??= new ExportStaging(asOf(), folder);
                var checking = checkRead is null ? Task.CompletedTask : Task.Run(checkRead);
                try
                {
                    staging.Finish();
                    progress?.Invoke(staging.Records);
                }
                finally
                {
                    // Waited for even when the staging failed: the check reads files its caller removes.
                    ((IAsyncResult)checking).AsyncWaitHandle.WaitOne();
                }
                checking.GetAwaiter().GetResult();
                return staging;
            }
            catch
            {
                staging?.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Scores every account of the staging; the results are set aside as they come (<see cref="ScoredAccounts"/>,
        /// in <paramref name="folder"/>, by default the temporary folder) and belong to the caller, who disposes them.
        /// Cancelling <paramref name="cancel"/> stops the workers after the accounts in hand and throws an
        /// <see cref="OperationCanceledException"/>, the results removed.
        /// </summary>
        public static (ScoredAccounts Accounts, ExportRunStats Stats) Score(ExportStaging staging, CmtSkips skips, AccountReplay replay, TimeSpan stagingTime,
            int? workers = null, Action<int, int>? progress = null, string? folder = null, CancellationToken cancel = default)
        {
            var clock = Stopwatch.StartNew();
            var total = staging.AccountsToScore;
            var parallel = Math.Max(1, workers ?? Environment.ProcessorCount);
            var slices = new BlockingCollection<AccountSlice>(boundedCapacity: parallel * 4);
            var results = new ScoredAccounts(folder);
            var byMessage = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
            long requests = 0, importRequests = 0;
            var done = 0;
            Exception? producerError = null;
            var producer = Task.Run(() =>
            {
                try
                {
                    // Add waits while the queue is full; cancelling frees it once the workers have stopped taking.
                    foreach (var slice in staging.Slices()) slices.Add(slice, cancel);
                }
                catch (Exception e)
                {
                    producerError = e;
                }
                finally
                {
                    slices.CompleteAdding();
                }
            });
            var threads = Enumerable.Range(0, parallel).Select(_ => new Thread(() =>
            {
                foreach (var slice in slices.GetConsumingEnumerable())
                {
                    if (cancel.IsCancellationRequested) break;
                    AccountResult result;
                    try
                    {
                        var outcome = replay.Score(slice);
                        result = outcome.Result;
                        Interlocked.Add(ref requests, outcome.Requests);
                        Interlocked.Add(ref importRequests, outcome.ImportRequests);
                        foreach (var pair in outcome.RequestsByMessage) byMessage.AddOrUpdate(pair.Key, pair.Value, (_, n) => n + pair.Value);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Anything the account's data makes the organisation refuse fails that account, shown with the error.
                        result = new AccountResult
                        {
                            Id = slice.Account.Id,
                            Name = ResultReader.NameOf(slice.Account),
                            Active = ResultReader.IsActive(slice.Account),
                            Error = e.Message.Split('\n')[0],
                            Warnings = replay.Words(slice.Warnings),
                        };
                    }
                    results.Add(result);
                    var n = Interlocked.Increment(ref done);
                    if (n % 100 == 0 || n == total) progress?.Invoke(n, total);
                }
            }, maxStackSize: 4 * 1024 * 1024) { IsBackground = true }).ToList();
            try
            {
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                producer.Wait();
                cancel.ThrowIfCancellationRequested();
                if (producerError is not null) throw producerError;
                results.Seal();
            }
            catch
            {
                results.Dispose();
                throw;
            }
            clock.Stop();

            var stats = new ExportRunStats
            {
                RecordsRead = staging.Records,
                RecordsInSkippedTables = skips.RecordsSkipped,
                RecordsExcludedAfterAsOf = staging.ExcludedAfterAsOf,
                RecordsInNoAccount = staging.Orphans,
                AccountsScored = results.Count - results.Failed,
                AccountsFailed = results.Failed,
                Requests = requests,
                ImportRequests = importRequests,
                RequestsByMessage = new SortedDictionary<string, long>(byMessage, StringComparer.Ordinal),
                Staging = stagingTime,
                Scoring = clock.Elapsed,
                PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
                Workers = parallel,
            };
            return (results, stats);
        }

        /// <summary>Now, to the second, as Dataverse stores times.</summary>
        public static DateTime Now() => ToTheSecond(DateTime.UtcNow);

        /// <summary>
        /// A run's moment to the second, as the plugins keep an assessment's moment (<see cref="AccountAssessor.AsOf"/>). An
        /// export's timestamp has a fraction ("2026-10-05T17:42:19.8956467Z" in a live export): the records the import
        /// creates at that moment would otherwise be stamped after the assessment that scores them, and an account with no
        /// created-on date of its own would be warned of as created in the future.
        /// </summary>
        public static DateTime ToTheSecond(DateTime moment) => AccountAssessor.AsOf(moment);
    }
}
