using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// Recalculates one account: reads the account (ending there when a newer recalculation already
    /// covered this one: its stored server stamp is at least this change's), the policy, the activities and the engaged contacts — four reads whatever
    /// the number of activities up to a page of 5,000 — scores, and writes the changed columns in one
    /// update guarded by the row version, retrying on a conflict with fresh data.
    /// </summary>
    public sealed class AccountHealthRecalculator
    {
        /// <summary>
        /// The tag on the product's own account writes, so they can be told apart in traces and audit.
        /// Nothing trusts it: any caller may set a tag. The column guard trusts <see cref="ProductWriteMarker"/>.
        /// </summary>
        public const string RecalculationTag = "LoyaltyHealth.Recalculation";
        public const int PageSize = 5000;
        public const int MaximumAttempts = 3;

        /// <summary>
        /// The plugin host's clock and the clock that stamps an operation's creation are different
        /// machines' clocks, so the plugin's clock is never compared with a server stamp to decide what a
        /// recalculation covered ("data as of" is itself a server stamp, see <see cref="ServerReadAsOf"/>).
        /// Only a stored stamp later than the plugin's clock plus this allowance is taken as not the
        /// recalculation's own (a forgery or a corrupted import).
        /// </summary>
        public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(1);

        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;
        private readonly IClock _clock;
        private readonly IPluginExecutionContext? _sender;

        /// <param name="sender">
        /// The plugin context <paramref name="service"/> sends its requests from, marked before each write
        /// so the column guard lets the computed columns through. Without one (outside a plugin) the
        /// guard strips them, as it does for any other caller.
        /// </param>
        public AccountHealthRecalculator(IOrganizationService service, ITracingService trace, IClock clock, IPluginExecutionContext? sender)
        {
            _service = service;
            _trace = trace;
            _clock = clock;
            _sender = sender;
        }

        /// <param name="accountId">The account to rescore.</param>
        /// <param name="triggeredAt">When the change that asked for this ran; null to recalculate regardless.</param>
        /// <param name="refresh">Stamp the account even when nothing changed (the scheduled refresh, so it moves on).</param>
        public RecalculationResult Recalculate(Guid accountId, DateTime? triggeredAt, bool refresh = false)
        {
            var coveredFrom = triggeredAt;
            for (var attempt = 1; ; attempt++)
            {
                var dataAsOf = TruncateToSeconds(_clock.UtcNow);
                DateTime? readAsOf = null;
                try
                {
                    return Attempt(accountId, coveredFrom, dataAsOf, refresh, out readAsOf);
                }
                catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.ConcurrencyVersionMismatch && attempt < MaximumAttempts)
                {
                    // Someone wrote the account since it was read. If that write saw data at least as new as
                    // this attempt did (its server stamp is at least this attempt's), it stands; otherwise score
                    // again, so the account never ends up with older data than this attempt saw. Both sides are
                    // server stamps: an unrelated edit leaves the stored stamp older than this attempt's, which
                    // was past the trigger, so the change is never dropped.
                    if (readAsOf is { } seen && (coveredFrom is null || seen > coveredFrom.Value)) coveredFrom = seen;
                    _trace.Trace("Account {0} changed while it was being scored (attempt {1}); reading it again.", accountId, attempt);
                }
            }
        }

        /// <summary>
        /// A server-time lower bound for when the data of this attempt was read: the newest of the server's
        /// own stamps the attempt saw (the queue time of the job or call it runs in, the account's and the
        /// activities' <c>modifiedon</c>), each committed before the read. Stored as "data as of" and compared
        /// only with other server stamps (a job's <c>OperationCreatedOn</c>), so clock skew between the plugin
        /// host and the server plays no part.
        /// </summary>
        private DateTime ServerReadAsOf(Entity account, IEnumerable<Entity> activities)
        {
            var newest = _sender?.OperationCreatedOn is { } queued && queued != default ? queued.ToUniversalTime() : DateTime.MinValue;
            foreach (var stamp in new[] { account.GetAttributeValue<DateTime?>(AccountSchema.ModifiedOn) }
                .Concat(activities.Select(a => a.GetAttributeValue<DateTime?>(ActivitySchema.ModifiedOn))))
            {
                if (stamp is { } value && value.ToUniversalTime() > newest) newest = value.ToUniversalTime();
            }
            return DateTime.SpecifyKind(newest, DateTimeKind.Utc);
        }

        private RecalculationResult Attempt(Guid accountId, DateTime? triggeredAt, DateTime dataAsOf, bool refresh, out DateTime? readAsOf)
        {
            readAsOf = null;
            Entity account;
            try
            {
                account = _service.Retrieve(AccountSchema.EntityName, accountId, new ColumnSet(HealthQueries.AccountColumns));
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.ObjectDoesNotExist)
            {
                _trace.Trace("Account {0} no longer exists; nothing to score.", accountId);
                return new RecalculationResult(RecalculationOutcome.AccountMissing);
            }

            // No recalculation can have read data later than now: a stamp from the future was written by
            // something other than the recalculation (or a corrupted import) and would otherwise make every
            // later change look covered. It counts as absent, and the write below replaces it.
            var forged = StampsFromTheFuture(account, dataAsOf);
            if (forged.Count > 0)
                _trace.Trace("Account {0} carries {1} later than now ({2:o}); not trusted, recalculating and replacing.", accountId, string.Join(", ", forged), dataAsOf);
            var covered = forged.Count > 0 ? null : account.GetAttributeValue<DateTime?>(AccountSchema.HealthDataAsOf);
            if (triggeredAt is { } trigger && covered is { } asOf && asOf >= trigger)
            {
                _trace.Trace("Account {0} was scored on data as of {1:o}, after this change at {2:o}; nothing to add.", accountId, asOf, trigger);
                return new RecalculationResult(RecalculationOutcome.AlreadyCovered);
            }

            var policy = PolicyReader.Read(_service);
            var cadence = account.OptionValue(AccountSchema.ServiceCadence) is { } c && OptionMaps.Cadence.TryGet(c, out var agreed) ? agreed : (Model.Input.ServiceCadence?)null;
            var since = dataAsOf.AddDays(-ScoringHorizon.Days(policy, cadence));
            var activities = ReadAll(HealthQueries.Activities(accountId, since));
            var parties = ReadAll(HealthQueries.Parties(accountId, since));
            var serverReadAsOf = ServerReadAsOf(account, activities);
            readAsOf = serverReadAsOf;

            var mapper = new SnapshotMapper();
            var snapshot = mapper.Map(account, activities, parties);
            var assessment = new LoyaltyScorer(policy).Assess(snapshot, dataAsOf);
            foreach (var note in mapper.Ignored) _trace.Trace("Ignored: {0}", note);
            foreach (var warning in assessment.Warnings) _trace.Trace("Ignored: {0}", SnapshotMapper.Describe(warning));
            _trace.Trace("Account {0}: {1} activities, {2} engaged contacts; band {3}, overall {4}, reasons {5}.",
                accountId, activities.Count, snapshot.Contacts.Count, assessment.Band,
                assessment.Overall?.ToString(CultureInfo.InvariantCulture) ?? "none", string.Join(",", assessment.Reasons.Select(r => r.Code)));

            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(policy.Explanations.Language));
            var update = AssessmentColumns.Update(account, assessment, renderer, SnapshotMapper.Checkpoints(account), serverReadAsOf, refresh || forged.Count > 0, policy.Trend);
            if (update is null)
            {
                _trace.Trace("Account {0}: assessment unchanged; nothing written.", accountId);
                return new RecalculationResult(RecalculationOutcome.Unchanged, assessment);
            }

            update.RowVersion = account.RowVersion;
            var request = new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
            request.Parameters[ContextKeys.Tag] = RecalculationTag;
            if (_sender is not null) ProductWriteMarker.Mark(_sender, ProductWriteMarker.Recalculating, accountId);
            _service.Execute(request);
            _trace.Trace("Account {0}: wrote {1}.", accountId, string.Join(", ", update.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            return new RecalculationResult(RecalculationOutcome.Written, assessment);
        }

        private List<Entity> ReadAll(XElement fetch)
        {
            var rows = new List<Entity>();
            string? cookie = null;
            for (var page = 1; ; page++)
            {
                var result = _service.RetrieveMultiple(new FetchExpression(FetchXml.Page(fetch, page, PageSize, cookie)));
                rows.AddRange(result.Entities);
                if (!result.MoreRecords) return rows;
                cookie = result.PagingCookie;
            }
        }

        /// <summary>The stored stamps later than <paramref name="now"/> plus the clock-skew allowance.</summary>
        private static List<string> StampsFromTheFuture(Entity account, DateTime now) =>
            new[] { AccountSchema.HealthDataAsOf, AccountSchema.HealthScoredOn }
                .Where(column => account.GetAttributeValue<DateTime?>(column) is { } stamp && stamp.ToUniversalTime() > now + ClockSkewAllowance)
                .ToList();

        private static DateTime TruncateToSeconds(DateTime value) =>
            new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
