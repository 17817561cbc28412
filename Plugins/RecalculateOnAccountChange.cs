using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins
{
    /// <summary>Rescores an account when it is created or a seller changes one of the inputs the model reads.</summary>
    public sealed class RecalculateOnAccountChange : PluginBase
    {
        public RecalculateOnAccountChange()
        {
            Register(new StepRegistration(MessageNames.Create, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous), Handle);
            // Only the inputs: the recalculation's own write touches computed columns and must not come back here.
            Register(new StepRegistration(MessageNames.Update, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                AccountSchema.Inputs), Handle);
        }

        private static void Handle(ILocalPluginContext local) =>
            RecalculationTrigger.Recalculate(local, new[] { local.PluginExecutionContext.PrimaryEntityId });
    }
}
