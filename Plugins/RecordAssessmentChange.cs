using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
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
            // Synchronous, in the transaction of the recalculation's write: the history row and the follow-ups are
            // stored with the assessment or not at all, and the recalculation hands over the policy and the account's
            // follow-up tasks it read (AssessmentHandOver), so a transition costs no read.
            Register(new StepRegistration(MessageNames.Update, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Synchronous,
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

            var previousBand = before.OptionValue(AccountSchema.HealthBand) is { } b && OptionMaps.Band.TryGet(b, out var pb) ? pb : (HealthBand?)null;
            var band = after.OptionValue(AccountSchema.HealthBand) is { } a && OptionMaps.Band.TryGet(a, out var nb) ? nb : HealthBand.NotEnoughData;
            var transitions = HistoryRules.Between(previousBand, before.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true,
                band, after.GetAttributeValue<bool?>(AccountSchema.PerkDependent) == true);
            var previousOverall = before.GetAttributeValue<int?>(AccountSchema.OverallHealth);
            var overall = after.GetAttributeValue<int?>(AccountSchema.OverallHealth);
            var history = HistoryRow(accountId, after);
            if (transitions.Count == 0 && !BusinessEvents.MayHaveDeclined(previousOverall, overall))
            {
                service.Create(history);
                local.Trace("Recorded the assessment in the history.");
                return;
            }
            if (transitions.Count > 0) local.Trace("Transitions: " + string.Join(", ", transitions));

            var policy = Policy(local, accountId);
            var closes = FollowUp(local, service, accountId, after, transitions, policy, history);
            var created = history.RelatedEntities.Values.Sum(tasks => tasks.Entities.Count);
            Write(service, new CreateRequest { Target = history });
            local.Trace(created == 0 ? "Recorded the assessment in the history." : $"Recorded the assessment in the history with the {created} follow-up task(s) it opens.");
            foreach (var close in closes)
            {
                Write(service, new UpdateRequest { Target = close });
                local.Trace($"Closed follow-up task {close.Id}: the account recovered.");
            }
            var events = BusinessEvents.For(previousBand.HasValue, transitions, previousOverall, overall, policy.Events.DeclinePoints);
            foreach (var name in events)
            {
                service.Execute(Event(name, accountId, before, after));
                local.Trace($"Raised the business event {name}.");
            }
        }

        /// <summary>The policy the recalculation scored with when it handed it over; otherwise the stored one, read.</summary>
        private static LoyaltyPolicy Policy(ILocalPluginContext local, Guid accountId)
        {
            if (AssessmentHandOver.PolicyJson(local.PluginExecutionContext, accountId) is not { } json) return PolicyReader.Read(local.SystemService);
            return PolicyReader.Load(json.Length == 0 ? null : json, "the policy the recalculation scored with");
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

        /// <summary>
        /// Plans the follow-ups of the transitions: the tasks to open go into <paramref name="history"/>'s related rows, so
        /// they are created with it in one request (and linked to it); the tasks to close are returned. The account's
        /// follow-up tasks come from the recalculation's read when it handed them over, else from a read of their own.
        /// Their ids are derived from the account, the reason and the ids earlier episodes took, and the recalculation's
        /// write is guarded by the account's row version, so two recalculations can never open the same task: the later
        /// one's write is refused before this step runs, and it scores again from what the first stored.
        /// </summary>
        private static List<Entity> FollowUp(ILocalPluginContext local, IOrganizationService service, Guid accountId, Entity after,
            IReadOnlyList<Transition> transitions, LoyaltyPolicy policy, Entity history)
        {
            var closes = new List<Entity>();
            if (transitions.Count == 0 || !policy.FollowUps.Enabled) return closes;
            var followUps = AssessmentHandOver.FollowUps(local.PluginExecutionContext, accountId)
                ?? service.RetrieveMultiple(new FetchExpression(HealthQueries.FollowUps(accountId).ToString())).Entities.ToList();
            var taken = new HashSet<Guid>(followUps.Select(t => t.Id));
            var open = followUps.Where(t => t.OptionValue(ActivitySchema.StateCode) == ActivitySchema.StateOpen).ToList();
            var openReasons = open
                .Select(t => t.OptionValue(ActivitySchema.FollowUpReason) is { } v && OptionMaps.FollowUp.TryGet(v, out var reason) ? reason : (FollowUpReason?)null)
                .Where(r => r.HasValue).Select(r => r!.Value).ToList();
            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(policy.Explanations.Language));

            var opened = new List<Entity>();
            foreach (var action in FollowUpPlanner.Plan(transitions, openReasons, policy.FollowUps))
            {
                if (action.Step == FollowUpStep.Create)
                {
                    var task = FollowUpTask(accountId, after, action.Reason, renderer, local.Clock.UtcNow);
                    task.Id = FollowUpTaskId.Next(accountId, OptionMaps.FollowUp.ValueOf(action.Reason), taken);
                    opened.Add(task);
                    local.Trace($"Opening follow-up task {task.Id} ({action.Reason}).");
                }
                else
                {
                    foreach (var task in open.Where(t => t.OptionValue(ActivitySchema.FollowUpReason) == OptionMaps.FollowUp.ValueOf(action.Reason)))
                    {
                        closes.Add(new Entity(TaskSchema.EntityName, task.Id)
                        {
                            [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted),
                            [ActivitySchema.StatusCode] = new OptionSetValue(TaskSchema.StatusCompleted),
                            // Carried unchanged, so the close shows in the target as a follow-up's.
                            [ActivitySchema.FollowUpReason] = task[ActivitySchema.FollowUpReason],
                        });
                    }
                }
            }
            if (opened.Count > 0) history.RelatedEntities[new Relationship(HealthAssessmentSchema.FollowUpTasks)] = new EntityCollection(opened);
            return closes;
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
