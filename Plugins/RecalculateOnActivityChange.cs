using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Rescores the accounts an activity counts toward when it is created, changed or deleted. A
    /// change of "regarding" rescores both the old account (from the pre-image) and the new one.
    /// </summary>
    public sealed class RecalculateOnActivityChange : PluginBase
    {
        /// <summary>What the trigger needs of the row before the change: where it counted, and whether it was a follow-up task.</summary>
        private static ImageRegistration[] Before(ActivityTable table) => new[]
        {
            new ImageRegistration(PluginContextExtensions.PreImage, ImageType.PreImage,
                new[] { ActivitySchema.RegardingObjectId }.Concat(table.Columns.Where(c => c == ActivitySchema.FollowUpReason))),
        };

        public RecalculateOnActivityChange()
        {
            foreach (var table in ActivityTables.All)
            {
                Register(new StepRegistration(MessageNames.Create, table.Name, PluginStage.PostOperation, ExecutionMode.Asynchronous), Handle);
                Register(new StepRegistration(MessageNames.Update, table.Name, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                    table.Watched, Before(table)), Handle);
                Register(new StepRegistration(MessageNames.Delete, table.Name, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                    images: Before(table)), Handle);
            }
        }

        private static void Handle(ILocalPluginContext local)
        {
            var message = local.PluginExecutionContext.MessageName;
            var before = message == MessageNames.Create ? null : local.Image(PluginContextExtensions.PreImage);
            if (IsAFollowUpBeforeAndAfter(message, local.TargetEntity(), before))
            {
                local.Trace("Skipped: a follow-up task before and after this change, which no assessment counts.");
                return;
            }
            var regarding = AffectedAccounts.LookupValues(message, local.TargetEntity(), before, ActivitySchema.RegardingObjectId);
            var accounts = regarding
                .Select(r => AffectedAccounts.AccountOf(r, local.SystemService, local.TracingService))
                .Where(id => id.HasValue)
                .Select(id => id!.Value);
            RecalculationTrigger.Recalculate(local, accounts);
        }

        /// <summary>
        /// Whether the change leaves every assessment as it was because the row is a follow-up task (it carries a
        /// follow-up reason) before and after it: the model counts no follow-up task, whoever wrote it. So the
        /// product's own follow-up writes start no recalculation, while a user's task, or a task that gains or
        /// loses its follow-up reason, does. Decided from the row alone, never from who sent the change.
        /// </summary>
        private static bool IsAFollowUpBeforeAndAfter(string message, Entity? target, Entity? before)
        {
            var wasFollowUp = before?.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason) is not null;
            var isFollowUp = message == MessageNames.Delete ? wasFollowUp
                : target.Coalesce<OptionSetValue>(before, ActivitySchema.FollowUpReason) is not null;
            return isFollowUp && (message == MessageNames.Create || wasFollowUp);
        }
    }
}
