using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>What a plugin body needs of one execution, behind an interface so a test can hand it a fake.</summary>
    public interface ILocalPluginContext
    {
        IPluginExecutionContext PluginExecutionContext { get; }

        /// <summary>Acts as the user the step runs as.</summary>
        IOrganizationService PluginUserService { get; }

        /// <summary>Acts as the user whose action started the pipeline.</summary>
        IOrganizationService InitiatingUserService { get; }

        /// <summary>Acts as SYSTEM: computed columns are written whoever triggered the change.</summary>
        IOrganizationService SystemService { get; }

        ITracingService TracingService { get; }

        IClock Clock { get; }

        /// <summary>The step this run matched.</summary>
        StepRegistration Step { get; }

        void Trace(string message);
    }
}
