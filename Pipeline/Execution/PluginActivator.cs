using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Pipeline.Execution
{
    /// <summary>
    /// Finds the plugin type a registration names in the given assemblies and creates it the way the
    /// platform does: with the (unsecure, secure) configuration constructor when there is one, once per
    /// type and configuration, then reused for every call.
    /// </summary>
    public sealed class PluginActivator
    {
        private readonly IReadOnlyList<Assembly> _assemblies;
        private readonly ConcurrentDictionary<(string Type, string? Unsecure, string? Secure), IPlugin> _instances = new();

        public PluginActivator(IEnumerable<Assembly> assemblies)
        {
            _assemblies = assemblies.Distinct().ToList();
        }

        public IPlugin Get(string typeName, string? unsecureConfiguration, string? secureConfiguration) =>
            _instances.GetOrAdd((typeName, unsecureConfiguration, secureConfiguration), key => Create(key.Type, key.Unsecure, key.Secure));

        /// <summary>Whether the type exists and is a plugin, so a registration of a missing type can be reported up front.</summary>
        public Type? Find(string typeName) =>
            _assemblies.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null && typeof(IPlugin).IsAssignableFrom(t));

        private IPlugin Create(string typeName, string? unsecure, string? secure)
        {
            var type = Find(typeName) ?? throw new InvalidOperationException(
                $"The plugin type {typeName} is registered in the solution but is not an IPlugin in {string.Join(", ", _assemblies.Select(a => a.GetName().Name))}.");
            var withConfiguration = type.GetConstructor(new[] { typeof(string), typeof(string) });
            if (withConfiguration is not null) return (IPlugin)withConfiguration.Invoke(new object?[] { unsecure, secure });
            var plain = type.GetConstructor(Type.EmptyTypes)
                ?? throw new InvalidOperationException($"The plugin type {typeName} has neither a (string, string) nor a parameterless constructor.");
            return (IPlugin)plain.Invoke(null);
        }
    }
}
