using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>The services of one execution, read from the service provider Dataverse hands the plugin.</summary>
    public sealed class LocalPluginContext : ILocalPluginContext
    {
        private readonly IOrganizationServiceFactory _factory;
        private IOrganizationService? _pluginUserService;
        private IOrganizationService? _initiatingUserService;
        private IOrganizationService? _systemService;

        public LocalPluginContext(IServiceProvider serviceProvider, StepRegistration step)
        {
            if (serviceProvider is null) throw new InvalidPluginExecutionException("The plug-in was called without a service provider.");
            PluginExecutionContext = Require<IPluginExecutionContext>(serviceProvider);
            _factory = Require<IOrganizationServiceFactory>(serviceProvider);
            Clock = serviceProvider.GetService(typeof(IClock)) as IClock ?? SystemClock.Instance;
            TracingService = new LocalTracingService(Require<ITracingService>(serviceProvider), Clock);
            Step = step;
        }

        public IPluginExecutionContext PluginExecutionContext { get; }
        public IOrganizationService PluginUserService => _pluginUserService ??= _factory.CreateOrganizationService(PluginExecutionContext.UserId);
        public IOrganizationService InitiatingUserService => _initiatingUserService ??= _factory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId);
        public IOrganizationService SystemService => _systemService ??= _factory.CreateOrganizationService(null);
        public ITracingService TracingService { get; }
        public IClock Clock { get; }
        public StepRegistration Step { get; }

        public void Trace(string message) => TracingService.Trace("{0}", message);

        private static T Require<T>(IServiceProvider provider) where T : class =>
            provider.GetService(typeof(T)) as T
            ?? throw new InvalidPluginExecutionException($"The service provider offers no {typeof(T).Name}.");
    }
}
