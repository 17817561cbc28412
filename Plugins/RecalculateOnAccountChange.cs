using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Plugins
{
    /// <summary>Rescores an account when it is created or a seller changes one of the inputs the model reads.</summary>
    public sealed class RecalculateOnAccountChange : PluginBase
    {
        /// <summary>
        /// The account as the operation left it, with what the recalculation reads and the row version its
        /// guarded write needs, so the first attempt need not read the account again.
        /// </summary>
        private static readonly ImageRegistration AccountAsWritten = new(PluginContextExtensions.PostImage, ImageType.PostImage,
            HealthQueries.AccountColumns.Concat(new[] { AccountSchema.VersionNumber }));

        public RecalculateOnAccountChange()
        {
            Register(new StepRegistration(MessageNames.Create, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                images: new[] { AccountAsWritten }), Handle);
            // Only the inputs: the recalculation's own write touches computed columns and must not come back here.
            Register(new StepRegistration(MessageNames.Update, AccountSchema.EntityName, PluginStage.PostOperation, ExecutionMode.Asynchronous,
                AccountSchema.Inputs, new[] { AccountAsWritten }), Handle);
        }

        // The image only spares a read: a step registered without it (an older solution) reads the account instead.
        private static void Handle(ILocalPluginContext local) =>
            RecalculationTrigger.Recalculate(local, new[] { local.PluginExecutionContext.PrimaryEntityId },
                local.PluginExecutionContext.PostEntityImages?.TryGetValue(AccountAsWritten.Alias, out var image) == true ? image : null);
    }
}
