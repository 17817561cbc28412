using System;
using LoyaltyHealth.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Pipeline.Execution
{
    /// <summary>
    /// What one step's Execute receives: its execution context, a tracing service, the clock, and
    /// organization services whose requests run through the pipeline again as children of this step.
    /// </summary>
    internal sealed class StepServiceProvider : IServiceProvider, IOrganizationServiceFactory
    {
        private readonly LocalPipeline _pipeline;
        private readonly IPluginExecutionContext _context;
        private readonly ITracingService _tracing;
        private readonly IClock _clock;

        public StepServiceProvider(LocalPipeline pipeline, IPluginExecutionContext context, ITracingService tracing, IClock clock)
        {
            _pipeline = pipeline;
            _context = context;
            _tracing = tracing;
            _clock = clock;
        }

        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)) return _context;
            if (serviceType == typeof(IOrganizationServiceFactory)) return this;
            if (serviceType == typeof(ITracingService)) return _tracing;
            if (serviceType == typeof(IClock)) return _clock;
            return null;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            new PipelineOrganizationService(_pipeline, _context, userId ?? _pipeline.SystemUserId);
    }
}
