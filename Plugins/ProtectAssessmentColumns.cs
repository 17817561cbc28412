using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Keeps the computed columns computed: values that users, imports or integrations put into them
    /// are taken out of the save (and traced), unless the write is the recalculation's own.
    /// Stripping rather than rejecting lets a data migration that carries old scores go through.
    /// "The recalculation's own" is decided from the pipeline, never from the request's tag, which any
    /// caller may set: the recalculation marks its own plugin context for the account before it sends
    /// the update, and only a write below such a context (see <see cref="ProductWriteMarker"/>) passes.
    /// </summary>
    public sealed class ProtectAssessmentColumns : PluginBase
    {
        public ProtectAssessmentColumns()
        {
            Register(new StepRegistration(MessageNames.Create, AccountSchema.EntityName, PluginStage.PreOperation, ExecutionMode.Synchronous), Handle);
            Register(new StepRegistration(MessageNames.Update, AccountSchema.EntityName, PluginStage.PreOperation, ExecutionMode.Synchronous,
                AccountSchema.Computed), Handle);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var target = local.TargetEntity();
            if (target is null) return;
            var context = local.PluginExecutionContext;
            if (ProductWriteMarker.MarkedAbove(context, ProductWriteMarker.Recalculating, target.Id)) return;
            var stripped = AccountSchema.Computed.Where(target.Attributes.ContainsKey).ToList();
            foreach (var column in stripped) target.Attributes.Remove(column);
            if (stripped.Count > 0)
                local.Trace("Removed computed columns set from outside the recalculation: " + string.Join(", ", stripped));
        }
    }
}
