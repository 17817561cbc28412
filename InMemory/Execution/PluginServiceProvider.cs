using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Execution
{
    /// <summary>
    /// The service provider a plugin's Execute receives: the execution context, an organization
    /// service factory over one service, the tracing service, and any extra service (such as a clock).
    /// </summary>
    public sealed class PluginServiceProvider : IServiceProvider, IOrganizationServiceFactory
    {
        private readonly IOrganizationService _service;
        private readonly Dictionary<Type, object> _extras = new Dictionary<Type, object>();

        public PluginServiceProvider(IPluginExecutionContext context, IOrganizationService service, ITracingService tracing)
        {
            Context = context;
            _service = service;
            Tracing = tracing;
        }

        public IPluginExecutionContext Context { get; }
        public ITracingService Tracing { get; }

        /// <summary>The user ids services were asked for; null means SYSTEM.</summary>
        public List<Guid?> ServicesCreatedFor { get; } = new List<Guid?>();

        public PluginServiceProvider With<T>(T service) where T : class
        {
            _extras[typeof(T)] = service;
            return this;
        }

        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)) return Context;
            if (serviceType == typeof(IOrganizationServiceFactory)) return this;
            if (serviceType == typeof(ITracingService)) return Tracing;
            return _extras.TryGetValue(serviceType, out var extra) ? extra : null;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            ServicesCreatedFor.Add(userId);
            // A user's service honours the read rules the test declared (InMemoryOrganizationService.DenyRead); SYSTEM's reads everything.
            return userId is { } user && _service is InMemoryOrganizationService memory ? memory.AsUser(user) : _service;
        }
    }
}
