using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// Recalculates one account and stores the result: reads the account (ending there when a newer
    /// recalculation already covered this change: its stored server stamp is at least this change's), has
    /// <see cref="AccountAssessor"/> assess it, and writes the changed columns in one update guarded by the row
    /// version, retrying on a conflict with fresh data. The first attempt may start from the account as the
    /// triggering step's image shows it instead of reading it: the guarded write refuses it if it is stale.
    /// </summary>
    public sealed class AccountHealthRecalculator
    {
        /// <summary>
        /// The tag on the product's own account writes, so they can be told apart in traces and audit.
        /// Nothing trusts it: any caller may set a tag. The column guard trusts <see cref="ProductWriteMarker"/>.
        /// </summary>
        public const string RecalculationTag = "LoyaltyHealth.Recalculation";
        public const int MaximumAttempts = 3;

        /// <summary>
        /// The plugin host's clock and the clock that stamps an operation's creation are different
        /// machines' clocks, so the plugin's clock is never compared with a server stamp to decide what a
        /// recalculation covered ("data as of" is itself a server stamp, see <see cref="AccountAssessment.ServerReadAsOf"/>).
        /// Only a stored stamp later than the plugin's clock plus this allowance is taken as not the
        /// recalculation's own (a forgery or a corrupted import).
        /// </summary>
        public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(1);

        private readonly AccountAssessor _assessor;
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
            _assessor = new AccountAssessor(service, trace, sender);
            _service = service;
            _trace = trace;
            _clock = clock;
            _sender = sender;
        }

        /// <param name="accountId">The account to rescore.</param>
        /// <param name="triggeredAt">When the change that asked for this ran; null to recalculate regardless.</param>
        /// <param name="refresh">Stamp the account even when nothing changed (the scheduled refresh, so it moves on).</param>
        /// <param name="asWritten">
        /// The account as the triggering operation left it (the step's post-image, with every column of
        /// <see cref="HealthQueries.AccountColumns"/>), used instead of reading it on the first attempt when it
        /// carries its row version. Without a row version the guarded update fails at once (see
        /// <see cref="ConcurrencyBehavior.IfRowVersionMatches"/>), so such an image is not used.
        /// </param>
        public RecalculationResult Recalculate(Guid accountId, DateTime? triggeredAt, bool refresh = false, Entity? asWritten = null)
        {
            var coveredFrom = triggeredAt;
            var image = WithRowVersion(asWritten);
            for (var attempt = 1; ; attempt++)
            {
                var dataAsOf = AccountAssessor.AsOf(_clock.UtcNow);
                DateTime? readAsOf = null;
                try
                {
                    var account = attempt == 1 && image is not null ? image : _assessor.ReadAccount(accountId);
                    if (account is null) return new RecalculationResult(RecalculationOutcome.AccountMissing);
                    return Attempt(account, coveredFrom, dataAsOf, refresh, out readAsOf);
                }
                catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.ConcurrencyVersionMismatch && attempt < MaximumAttempts)
                {
                    // Someone wrote the account since it was read (or since the image was taken). If that write saw
                    // data at least as new as this attempt did (its server stamp is at least this attempt's), it
                    // stands; otherwise score again, so the account never ends up with older data than this attempt
                    // saw. Both sides are server stamps: an unrelated edit leaves the stored stamp older than this
                    // attempt's, which was past the trigger, so the change is never dropped.
                    if (readAsOf is { } seen && (coveredFrom is null || seen > coveredFrom.Value)) coveredFrom = seen;
                    _trace.Trace("Account {0} changed while it was being scored (attempt {1}); reading it again.", accountId, attempt);
                }
            }
        }

        /// <summary>The image with its row version taken from its versionnumber column when the platform did not set it; null when it has none.</summary>
        private static Entity? WithRowVersion(Entity? image)
        {
            if (image is null) return null;
            if (string.IsNullOrEmpty(image.RowVersion) && image.GetAttributeValue<long?>(AccountSchema.VersionNumber) is { } version)
                image.RowVersion = version.ToString(CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(image.RowVersion) ? null : image;
        }

        private RecalculationResult Attempt(Entity account, DateTime? triggeredAt, DateTime dataAsOf, bool refresh, out DateTime? readAsOf)
        {
            readAsOf = null;
            var accountId = account.Id;

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

            var assessed = _assessor.Assess(account, dataAsOf);
            readAsOf = assessed.ServerReadAsOf;
            return Store(assessed, refresh || forged.Count > 0);
        }

        /// <summary>Writes the assessment's changed columns, guarded by the row version the account was read with.</summary>
        private RecalculationResult Store(AccountAssessment assessed, bool stamp)
        {
            var account = assessed.Account;
            var policy = _assessor.Policy;
            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(policy.Explanations.Language));
            var update = AssessmentColumns.Update(account, assessed.Assessment, renderer, assessed.Checkpoints, assessed.ServerReadAsOf, stamp, policy.Trend);
            if (update is null)
            {
                _trace.Trace("Account {0}: assessment unchanged; nothing written.", account.Id);
                return new RecalculationResult(RecalculationOutcome.Unchanged, assessed.Assessment);
            }

            update.RowVersion = account.RowVersion;
            var request = new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
            request.Parameters[ContextKeys.Tag] = RecalculationTag;
            if (_sender is not null)
            {
                ProductWriteMarker.Mark(_sender, ProductWriteMarker.Recalculating, account.Id);
                AssessmentHandOver.Give(_sender, account.Id, _assessor.PolicyDocument, assessed.FollowUps);
            }
            _service.Execute(request);
            _trace.Trace("Account {0}: wrote {1}.", account.Id, string.Join(", ", update.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)));
            return new RecalculationResult(RecalculationOutcome.Written, assessed.Assessment);
        }

        /// <summary>The stored stamps later than <paramref name="now"/> plus the clock-skew allowance.</summary>
        private static List<string> StampsFromTheFuture(Entity account, DateTime now) =>
            new[] { AccountSchema.HealthDataAsOf, AccountSchema.HealthScoredOn }
                .Where(column => account.GetAttributeValue<DateTime?>(column) is { } stamp && stamp.ToUniversalTime() > now + ClockSkewAllowance)
                .ToList();
    }
}
