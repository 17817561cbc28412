using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Reacts to a stored assessment that changed: writes a history row, and on transitions (entered
    /// At risk, became perk-dependent, recovered) creates or closes follow-up tasks for the account
    /// owner, never two open ones for the same account and reason.
    /// </summary>
    public sealed class RecordAssessmentChange : PluginBase
    {
        /// <summary>
        /// The tag on the follow-up tasks this plugin writes, so they can be told apart in traces and audit.
        /// Nothing reads it: the activity trigger skips a follow-up task by its follow-up reason.
        /// </summary>
        public const string FollowUpTag = "LoyaltyHealth.FollowUp";
        public const int FollowUpDueInDays = 7;

        /// <summary>A change in any of these is a new assessment worth a history row.</summary>
        public static readonly string[] AssessmentColumns =
        {
            AccountSchema.UnderstandingScore, AccountSchema.FamiliarityScore, AccountSchema.ServiceScore, AccountSchema.OverallHealth,
            AccountSchema.HealthBand, AccountSchema.HealthTrend, AccountSchema.PerkDependent,
        };

        private static readonly string[] StateColumns = { AccountSchema.HealthBand, AccountSchema.PerkDependent, AccountSchema.OverallHealth };

        private static readonly string[] PostColumns = AssessmentColumns.Concat(new[]
        {
            AccountSchema.Name, AccountSchema.OwnerId, AccountSchema.PerkShare, AccountSchema.HealthReasons, AccountSchema.ReasonCodes,
            AccountSchema.NextBestActions, AccountSchema.HealthScoredOn,
        }).ToArray();

        /// <summary>Account column to the history column that keeps its value.</summary>
        private static readonly IReadOnlyDictionary<string, string> HistoryColumns = new Dictionary<string, string>
        {
            [AccountSchema.UnderstandingScore] = HealthAssessmentSchema.UnderstandingScore, [AccountSchema.FamiliarityScore] = HealthAssessmentSchema.FamiliarityScore,
            [AccountSchema.ServiceScore] = HealthAssessmentSchema.ServiceScore, [AccountSchema.OverallHealth] = HealthAssessmentSchema.OverallHealth,
            [AccountSchema.HealthBand] = HealthAssessmentSchema.HealthBand, [AccountSchema.HealthTrend] = HealthAssessmentSchema.HealthTrend,
            [AccountSchema.PerkDependent] = HealthAssessmentSchema.PerkDependent, [AccountSchema.PerkShare] = HealthAssessmentSchema.PerkShare,
            [AccountSchema.ReasonCodes] = HealthAssessmentSchema.ReasonCodes,
        };

        public RecordAssessmentChange()
        {
            Register(new StepRegistration(MessageNames.Update, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                AssessmentColumns, new[]
                {
                    new ImageRegistration(PluginContextExtensions.PreImage, ImageType.PreImage, StateColumns),
                    new ImageRegistration(PluginContextExtensions.PostImage, ImageType.PostImage, PostColumns),
                }), Handle);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var before = local.Image(PluginContextExtensions.PreImage);
            var after = local.Image(PluginContextExtensions.PostImage);
            var accountId = local.PluginExecutionContext.PrimaryEntityId;
            var service = local.SystemService;

            service.Create(HistoryRow(accountId, after));
            local.Trace("Recorded the assessment in the history.");

            var previousBand = before.OptionValue(AccountSchema.HealthBand) is { } b && OptionMaps.Band.TryGet(b, out var pb) ? pb : (HealthBand?)null;
            var band = after.OptionValue(AccountSchema.HealthBand) is { } a && OptionMaps.Band.TryGet(a, out var nb) ? nb : HealthBand.NotEnoughData;
            var transitions = HistoryRules.Between(previousBand, before.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true,
                band, after.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true);
            var previousOverall = before.GetAttributeValue<int?>(AccountSchema.OverallHealth);
            var overall = after.GetAttributeValue<int?>(AccountSchema.OverallHealth);
            if (transitions.Count == 0 && !BusinessEvents.MayHaveDeclined(previousOverall, overall)) return;
            if (transitions.Count > 0) local.Trace("Transitions: " + string.Join(", ", transitions));

            var policy = PolicyReader.Read(service);
            FollowUp(local, service, accountId, after, transitions, policy);
            var events = BusinessEvents.For(previousBand.HasValue, transitions, previousOverall, overall, policy.Events.DeclinePoints);
            foreach (var name in events)
            {
                service.Execute(Event(name, accountId, before, after));
                local.Trace($"Raised the business event {name}.");
            }
        }

        /// <summary>
        /// The event's request: the Custom API bound to the account, with the old and new band, overall health
        /// (and the previous one) and the reason codes. Raising it only starts what subscribes to it
        /// asynchronously (the Custom API has no plugin and allows asynchronous steps only).
        /// </summary>
        private static OrganizationRequest Event(string name, Guid accountId, Entity before, Entity after)
        {
            var request = new OrganizationRequest(name)
            {
                [BusinessEventNames.Target] = new EntityReference(AccountSchema.EntityName, accountId),
                [BusinessEventNames.NewBand] = after.OptionValue(AccountSchema.HealthBand) ?? OptionValues.BandNotEnoughData,
                [BusinessEventNames.ReasonCodes] = after.GetAttributeValue<string>(AccountSchema.ReasonCodes) ?? "",
            };
            if (before.OptionValue(AccountSchema.HealthBand) is { } oldBand) request[BusinessEventNames.OldBand] = oldBand;
            if (after.GetAttributeValue<int?>(AccountSchema.OverallHealth) is { } overall) request[BusinessEventNames.OverallHealth] = overall;
            if (before.GetAttributeValue<int?>(AccountSchema.OverallHealth) is { } previous) request[BusinessEventNames.PreviousOverallHealth] = previous;
            return request;
        }

        private static void FollowUp(ILocalPluginContext local, IOrganizationService service, Guid accountId, Entity after,
            IReadOnlyList<Transition> transitions, LoyaltyHealth.Model.Policy.LoyaltyPolicy policy)
        {
            if (transitions.Count == 0 || !policy.FollowUps.Enabled) return;
            var followUps = service.RetrieveMultiple(new FetchExpression(HealthQueries.FollowUps(accountId).ToString())).Entities;
            var taken = new HashSet<Guid>(followUps.Select(t => t.Id));
            var open = followUps.Where(t => t.OptionValue(ActivitySchema.StateCode) == ActivitySchema.StateOpen).ToList();
            var openReasons = open
                .Select(t => t.OptionValue(ActivitySchema.FollowUpReason) is { } v && OptionMaps.FollowUp.TryGet(v, out var reason) ? reason : (FollowUpReason?)null)
                .Where(r => r.HasValue).Select(r => r!.Value).ToList();
            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(policy.Explanations.Language));

            foreach (var action in FollowUpPlanner.Plan(transitions, openReasons, policy.FollowUps))
            {
                if (action.Step == FollowUpStep.Create)
                {
                    var task = FollowUpTask(accountId, after, action.Reason, renderer, local.Clock.UtcNow);
                    task.Id = FollowUpTaskId.Next(accountId, OptionMaps.FollowUp.ValueOf(action.Reason), taken);
                    try
                    {
                        Write(service, new CreateRequest { Target = task });
                        local.Trace($"Created a follow-up task ({action.Reason}).");
                    }
                    catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.DuplicateRecord)
                    {
                        // Another follow-up job handling the same transition created this very task first.
                        local.Trace($"Follow-up task {task.Id} ({action.Reason}) already exists: another job created it.");
                    }
                }
                else
                {
                    foreach (var task in open.Where(t => t.OptionValue(ActivitySchema.FollowUpReason) == OptionMaps.FollowUp.ValueOf(action.Reason)))
                    {
                        var close = new Entity(TaskSchema.EntityName, task.Id)
                        {
                            [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted),
                            [ActivitySchema.StatusCode] = new OptionSetValue(TaskSchema.StatusCompleted),
                            // Carried unchanged, so the close shows in the target as a follow-up's.
                            [ActivitySchema.FollowUpReason] = task[ActivitySchema.FollowUpReason],
                        };
                        Write(service, new UpdateRequest { Target = close });
                        local.Trace($"Closed follow-up task {task.Id} ({action.Reason}): the account recovered.");
                    }
                }
            }
        }

        private static void Write(IOrganizationService service, OrganizationRequest request)
        {
            request.Parameters[ContextKeys.Tag] = FollowUpTag;
            service.Execute(request);
        }

        private static Entity HistoryRow(Guid accountId, Entity after)
        {
            var row = new Entity(HealthAssessmentSchema.EntityName)
            {
                [HealthAssessmentSchema.AccountId] = new EntityReference(AccountSchema.EntityName, accountId),
                [HealthAssessmentSchema.AssessedOn] = after.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn),
                [HealthAssessmentSchema.Name] = Truncate((after.GetAttributeValue<string>(AccountSchema.Name) ?? accountId.ToString()) + " "
                    + (after.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? ""), 100),
            };
            foreach (var column in HistoryColumns)
            {
                if (after.Contains(column.Key)) row[column.Value] = after[column.Key];
            }
            // Owned by the account's owner: with the role's business-unit depth and the relationship's cascading
            // assign, share, unshare and reparent, the row is readable by exactly those who may read the account.
            // Without it the row would belong to whoever runs the job (SYSTEM) and be read at SYSTEM's business unit instead.
            if (after.GetAttributeValue<EntityReference>(AccountSchema.OwnerId) is { } owner) row[HealthAssessmentSchema.OwnerId] = owner;
            return row;
        }

        private static Entity FollowUpTask(Guid accountId, Entity after, FollowUpReason reason,
            ReasonRenderer renderer, DateTime now)
        {
            var name = after.GetAttributeValue<string>(AccountSchema.Name) ?? accountId.ToString();
            var transition = reason == FollowUpReason.AtRisk ? Transition.EnteredAtRisk : Transition.BecamePerkDependent;
            var description = string.Join("\n\n", new[]
            {
                after.GetAttributeValue<string>(AccountSchema.HealthReasons),
                after.GetAttributeValue<string>(AccountSchema.NextBestActions),
            }.Where(t => !string.IsNullOrWhiteSpace(t)));
            var task = new Entity(TaskSchema.EntityName)
            {
                [ActivitySchema.Subject] = Truncate($"{renderer.Label(transition)}: {name}", 200),
                [ActivitySchema.Description] = Truncate(description, 2000),
                [ActivitySchema.RegardingObjectId] = new EntityReference(AccountSchema.EntityName, accountId),
                [ActivitySchema.ScheduledEnd] = now.AddDays(FollowUpDueInDays),
                [ActivitySchema.FollowUpReason] = new OptionSetValue(OptionMaps.FollowUp.ValueOf(reason)),
            };
            if (after.GetAttributeValue<EntityReference>(AccountSchema.OwnerId) is { } owner) task[ActivitySchema.OwnerId] = owner;
            return task;
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";
    }
}
