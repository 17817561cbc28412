using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>
    /// Assesses one account and writes nothing: reads the account (unless a step's image carries it), and the
    /// activities with the engaged contacts (one read up to a page of 5,000 rows), and scores them with the policy,
    /// which it reads once for all the accounts it assesses (one plugin execution). <see cref="AccountHealthRecalculator"/>
    /// stores what it finds; <c>explain</c> needs nothing more.
    /// </summary>
    public sealed class AccountAssessor
    {
        public const int PageSize = 5000;

        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;
        private readonly IPluginExecutionContext? _sender;
        private PolicyDocument? _policy;

        /// <summary>
        /// The scorer of the last policy used. PolicyReader hands out one shared policy per document, and a
        /// scorer is immutable and validates its policy on construction, so it is built once per document
        /// rather than once per account.
        /// </summary>
        private static LoyaltyScorer? _lastScorer;

        /// <param name="sender">The plugin context the reads run in: its queue time is a server stamp of when the data was read.</param>
        public AccountAssessor(IOrganizationService service, ITracingService trace, IPluginExecutionContext? sender)
        {
            _service = service;
            _trace = trace;
            _sender = sender;
        }

        /// <summary>The policy, read once per assessor: a plugin execution applies one policy to every account it scores.</summary>
        public LoyaltyPolicy Policy => PolicyDocument.Policy;

        /// <summary>The policy with the document it came from, which the recalculation hands on to the steps its write triggers.</summary>
        public PolicyDocument PolicyDocument => _policy ??= PolicyReader.ReadDocument(_service);

        private static LoyaltyScorer ScorerFor(LoyaltyPolicy policy)
        {
            var last = _lastScorer;
            if (last is not null && ReferenceEquals(last.Policy, policy)) return last;
            var scorer = new LoyaltyScorer(policy);
            _lastScorer = scorer;
            return scorer;
        }

        /// <summary>The moment an assessment is as of: now, to the second (the stored columns keep seconds).</summary>
        public static DateTime AsOf(DateTime now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        /// <summary>The account with every column the assessment reads; null when it no longer exists.</summary>
        public Entity? ReadAccount(Guid accountId)
        {
            try
            {
                return _service.Retrieve(AccountSchema.EntityName, accountId, new ColumnSet(HealthQueries.AccountColumns));
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.ObjectDoesNotExist)
            {
                _trace.Trace("Account {0} no longer exists; nothing to score.", accountId);
                return null;
            }
        }

        /// <summary>Scores <paramref name="account"/> (as read by <see cref="ReadAccount"/>) as of <paramref name="asOf"/>.</summary>
        public AccountAssessment Assess(Entity account, DateTime asOf)
        {
            var policy = Policy;
            var cadence = account.OptionValue(AccountSchema.ServiceCadence) is { } c && OptionMaps.Cadence.TryGet(c, out var agreed) ? agreed : (Model.Input.ServiceCadence?)null;
            var since = asOf.AddDays(-ScoringHorizon.Days(policy, cadence));
            var activities = ReadActivities(account.Id, since, out var parties, out var followUps);

            var checkpoints = SnapshotMapper.Checkpoints(account);
            var mapper = new SnapshotMapper();
            var snapshot = mapper.Map(account, activities, parties, checkpoints);
            var assessment = ScorerFor(policy).Assess(snapshot, asOf);
            foreach (var ignored in mapper.Ignored.Concat(assessment.Warnings.Select(IgnoredInput.Of))) ignored.Trace(_trace);
            _trace.Trace("Account {0}: {1} activities, {2} engaged contacts; band {3}, overall {4}, reasons {5}.",
                account.Id, mapper.ActivitiesRead, snapshot.Contacts.Count, assessment.Band,
                assessment.Overall?.ToString(CultureInfo.InvariantCulture) ?? "none", string.Join(",", assessment.Reasons.Select(r => r.Code)));
            return new AccountAssessment(account, assessment, checkpoints, ServerReadAsOf(account, activities), followUps);
        }

        /// <summary>
        /// A server-time lower bound for when the data was read: the newest of the server's own stamps the
        /// reads saw (the queue time of the job or call they run in, the account's and the activities'
        /// <c>modifiedon</c>), each committed before the read. Stored as "data as of" and compared only with
        /// other server stamps (a job's <c>OperationCreatedOn</c>), so clock skew between the plugin host and
        /// the server plays no part.
        /// </summary>
        private DateTime ServerReadAsOf(Entity account, List<Entity> activities)
        {
            var newest = _sender?.OperationCreatedOn is { } queued && queued != default ? queued.ToUniversalTime() : DateTime.MinValue;
            newest = Newer(newest, account.GetAttributeValue<DateTime?>(AccountSchema.ModifiedOn));
            foreach (var activity in activities) newest = Newer(newest, activity.GetAttributeValue<DateTime?>(ActivitySchema.ModifiedOn));
            return DateTime.SpecifyKind(newest, DateTimeKind.Utc);
        }

        private static DateTime Newer(DateTime newest, DateTime? stamp) =>
            stamp is { } value && value.ToUniversalTime() > newest ? value.ToUniversalTime() : newest;

        /// <summary>
        /// The account's activities and the parties of its contacts. One query reads both when its rows fit one
        /// page: with no more records after the first page the result is complete, whatever the join. Beyond a
        /// page, the rows of one activity (one per party) could be split across pages, and Microsoft's paging
        /// guidance gives no guarantee for such a join ("Page results using FetchXml"), so the activities and the
        /// parties are then read apart, each paged on its own key; the first query's page is not used.
        /// </summary>
        /// <param name="followUps">The account's follow-up tasks when the single read took them; null when the reads were paged.</param>
        private List<Entity> ReadActivities(Guid accountId, DateTime since, out List<Entity> parties, out List<Entity>? followUps)
        {
            var combined = _service.RetrieveMultiple(new FetchExpression(HealthQueries.ActivitiesWithPartiesFirstPage(accountId, since)));
            if (!combined.MoreRecords)
            {
                parties = new List<Entity>();
                followUps = FollowUpRows.From(accountId, combined.Entities);
                return new List<Entity>(combined.Entities);
            }
            followUps = null;
            _trace.Trace("Account {0}: more than {1} rows of activities and parties; reading activities and parties apart, page by page.", accountId, PageSize);
            var activities = ReadAll(HealthQueries.Activities(accountId, since));
            parties = ReadAll(HealthQueries.Parties(accountId, since));
            return activities;
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
    }

    /// <summary>
    /// One account's assessment and what storing it needs: the account as read, its trend checkpoints, the server stamp
    /// of the data, and the account's follow-up tasks (id, reason, state) when the read took them (null when it did not).
    /// </summary>
    public sealed record AccountAssessment(Entity Account, Assessment Assessment, TrendCheckpoints Checkpoints, DateTime ServerReadAsOf, IReadOnlyList<Entity>? FollowUps);
}
