using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>
    /// The <c>pac plugin init</c> shape: one Execute that builds the local context, matches the
    /// running step against the steps the plugin declared, guards against recursion, traces entry
    /// and exit with the correlation id, and turns faults into <see cref="InvalidPluginExecutionException"/>.
    /// Plugins declare their steps in a parameterless constructor (no step of the product carries a
    /// configuration, and Dataverse constructs a plugin through its parameterless constructor when it has none to pass)
    /// and hold no state written during a call.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        private const string RecursionKeyPrefix = "LoyaltyHealth.Running:";
        private readonly List<RegisteredStep> _steps = new();

        /// <summary>Every step this plugin handles, for the solution's step files and the local pipeline to be checked against.</summary>
        public IReadOnlyList<StepRegistration> Registrations => _steps.Select(s => s.Step).ToList();

        protected void Register(StepRegistration step, Action<ILocalPluginContext> handler) => _steps.Add(new RegisteredStep(step, handler));

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = serviceProvider?.GetService(typeof(IPluginExecutionContext)) as IPluginExecutionContext
                ?? throw new InvalidPluginExecutionException($"{GetType().Name}: the service provider offers no execution context.");
            var match = Match(context);
            if (match is null)
            {
                // A registration the plugin does not declare is a deployment mistake, not something to guess at.
                throw new InvalidPluginExecutionException(
                    $"{GetType().Name} is registered on {context.MessageName} of {context.PrimaryEntityName} in stage {context.Stage}, which it does not handle.");
            }

            var local = new LocalPluginContext(serviceProvider!, match.Step);
            local.Trace(string.Format(CultureInfo.InvariantCulture, "Entered {0} for {1} {2}, correlation {3}, depth {4}.",
                GetType().Name, match.Step, context.PrimaryEntityId, context.CorrelationId, context.Depth));

            var recursionKey = RecursionKeyPrefix + GetType().FullName + ":" + context.MessageName + ":" + context.Stage + ":" + context.PrimaryEntityId;
            if (IsRunningAbove(context, recursionKey))
            {
                local.Trace($"Skipped: {GetType().Name} is already running for this record further up the pipeline.");
                return;
            }
            context.SharedVariables[recursionKey] = true;

            try
            {
                match.Handler(local);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                local.Trace("Dataverse refused a request: " + fault.Detail?.Message);
                throw new InvalidPluginExecutionException($"{GetType().Name}: Dataverse refused a request: {fault.Detail?.Message ?? fault.Message}", fault);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                local.Trace(e.ToString());
                throw new InvalidPluginExecutionException($"{GetType().Name}: {e.Message}", e);
            }
            finally
            {
                local.Trace($"Exited {GetType().Name}.");
            }
        }

        /// <summary>The first declared step the running one matches; null when none does.</summary>
        private RegisteredStep? Match(IPluginExecutionContext context)
        {
            foreach (var step in _steps)
            {
                if (step.Step.Matches(context.MessageName, context.PrimaryEntityName, context.Stage)) return step;
            }
            return null;
        }

        private static bool IsRunningAbove(IPluginExecutionContext context, string key)
        {
            for (var parent = context.ParentContext; parent is not null; parent = parent.ParentContext)
            {
                if (parent.SharedVariables is { } shared && shared.ContainsKey(key)) return true;
            }
            return false;
        }

        private sealed record RegisteredStep(StepRegistration Step, Action<ILocalPluginContext> Handler);
    }
}
