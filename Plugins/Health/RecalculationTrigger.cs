using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Plugins.Health
{
    /// <summary>Runs the recalculation for each account a change touched, as SYSTEM, with the change's time.</summary>
    internal static class RecalculationTrigger
    {
        /// <param name="asWritten">The account as the triggering operation left it, when the change was to one account and its step has that image.</param>
        public static void Recalculate(ILocalPluginContext local, IEnumerable<Guid> accounts, Microsoft.Xrm.Sdk.Entity? asWritten = null)
        {
            var distinct = accounts.Distinct().ToList();
            if (distinct.Count == 0)
            {
                local.Trace("No account is affected by this change.");
                return;
            }
            var recalculator = new AccountHealthRecalculator(local.SystemService, local.TracingService, local.Clock, local.PluginExecutionContext);
            foreach (var account in distinct)
            {
                var result = recalculator.Recalculate(account, local.PluginExecutionContext.OperationCreatedOn,
                    asWritten: asWritten?.Id == account ? asWritten : null);
                local.Trace($"Account {account}: {result.Outcome}.");
            }
        }
    }
}
