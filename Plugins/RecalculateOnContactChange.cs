using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Rescores the old and the new parent account when a contact joins, moves, changes department,
    /// role or state, or is deleted; and when an opportunity moves to another account, since the
    /// activities regarding an opportunity count toward its account.
    /// </summary>
    public sealed class RecalculateOnContactChange : PluginBase
    {
        private static readonly ImageRegistration[] ParentBefore =
        {
            new(PluginContextExtensions.PreImage, ImageType.PreImage, new[] { ContactSchema.ParentCustomerId }),
        };

        public RecalculateOnContactChange()
        {
            Register(new StepRegistration(MessageNames.Create, ContactSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous), Handle);
            Register(new StepRegistration(MessageNames.Update, ContactSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                ContactSchema.Relevant, ParentBefore), Handle);
            Register(new StepRegistration(MessageNames.Delete, ContactSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                images: ParentBefore), Handle);
            Register(new StepRegistration(MessageNames.Update, OpportunitySchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                new[] { OpportunitySchema.ParentAccountId }, OpportunityAccountBefore), HandleOpportunity);
        }

        private static readonly ImageRegistration[] OpportunityAccountBefore =
        {
            new(PluginContextExtensions.PreImage, ImageType.PreImage, new[] { OpportunitySchema.ParentAccountId }),
        };

        private static void HandleOpportunity(ILocalPluginContext local)
        {
            var accounts = AffectedAccounts.LookupValues(MessageNames.Update, local.TargetEntity(), local.Image(PluginContextExtensions.PreImage), OpportunitySchema.ParentAccountId)
                .Where(parent => parent.LogicalName == AccountSchema.EntityName)
                .Select(parent => parent.Id);
            RecalculationTrigger.Recalculate(local, accounts);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var message = local.PluginExecutionContext.MessageName;
            var before = message == MessageNames.Create ? null : local.Image(PluginContextExtensions.PreImage);
            var accounts = AffectedAccounts.LookupValues(message, local.TargetEntity(), before, ContactSchema.ParentCustomerId)
                .Where(parent => parent.LogicalName == AccountSchema.EntityName)
                .Select(parent => parent.Id);
            RecalculationTrigger.Recalculate(local, accounts);
        }
    }
}
