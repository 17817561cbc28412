using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Plugins.Steps;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Rescores the accounts an activity counts toward when it is created, changed or deleted. A
    /// change of "regarding" rescores both the old account (from the pre-image) and the new one.
    /// </summary>
    public sealed class RecalculateOnActivityChange : PluginBase
    {
        /// <summary>Columns beyond the shared ones whose change matters, per activity table.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> TableSpecificColumns = new Dictionary<string, string[]>
        {
            [ActivitySchema.Email] = new[] { ActivitySchema.DirectionCode, "to", "cc", "from" },
            [ActivitySchema.PhoneCall] = new[] { ActivitySchema.DirectionCode, "to", "from" },
            [ActivitySchema.Appointment] = new[] { ActivitySchema.Channel, "requiredattendees", "optionalattendees" },
            [ActivitySchema.Task] = new string[0],
            [ActivitySchema.ValueReport] = new[] { ValueReportSchema.ValueAmount, ActivitySchema.Channel, ValueReportSchema.ReportedToId },
            [ActivitySchema.Perk] = new[] { PerkSchema.Cost },
        };

        private static readonly ImageRegistration[] RegardingBefore =
        {
            new(PluginContextExtensions.PreImage, ImageType.PreImage, new[] { ActivitySchema.RegardingObjectId }),
        };

        public RecalculateOnActivityChange(string? unsecureConfiguration = null, string? secureConfiguration = null)
            : base(unsecureConfiguration, secureConfiguration)
        {
            foreach (var table in ActivitySchema.Tables)
            {
                Register(new StepRegistration(MessageNames.Create, table, PluginStage.PostOperation, ExecutionMode.Asynchronous), Handle);
                Register(new StepRegistration(MessageNames.Update, table, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                    ActivitySchema.Relevant.Concat(TableSpecificColumns[table]), RegardingBefore), Handle);
                Register(new StepRegistration(MessageNames.Delete, table, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                    images: RegardingBefore), Handle);
            }
        }

        private static void Handle(ILocalPluginContext local)
        {
            var message = local.PluginExecutionContext.MessageName;
            var before = message == MessageNames.Create ? null : local.Image(PluginContextExtensions.PreImage);
            if (IsTheProductsOwnFollowUp(local, before))
            {
                local.Trace("Skipped: a follow-up task the product itself wrote.");
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
        /// A follow-up task as <see cref="RecordAssessmentChange"/> creates or closes it: a task carrying its
        /// follow-up reason, regarding an account, written below a context that marked it is writing that
        /// account's follow-ups. Never decided from the request's tag, which any caller may set: a user's own
        /// activity, tagged or not, is rescored.
        /// </summary>
        private static bool IsTheProductsOwnFollowUp(ILocalPluginContext local, Entity? before)
        {
            var context = local.PluginExecutionContext;
            if (context.PrimaryEntityName != TaskSchema.EntityName || context.MessageName == MessageNames.Delete) return false;
            var target = local.TargetEntity();
            if (target?.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason) is null) return false;
            var regarding = target.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId)
                ?? before?.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId);
            return regarding?.LogicalName == AccountSchema.EntityName
                && ProductWriteMarker.MarkedAbove(context, ProductWriteMarker.WritingFollowUps, regarding.Id);
        }
    }
}
