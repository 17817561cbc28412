using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>A class a plugin package holds, with the export key a solution binds it by.</summary>
    public sealed record PackagedType(string PackageUniqueName, string AssemblyName, string TypeFullName)
    {
        public string ExportKey => PluginTypeExportKey.Of(PackageUniqueName, AssemblyName, TypeFullName);
    }

    /// <summary>
    /// The types of one plugin package by export key: what Dataverse looks a step's or a Custom API's key up
    /// in when it imports the solution. Built from assembly metadata (the .nupkg's net462 files, as the
    /// import reads them) or from loaded assemblies (the same sources built for .NET 10).
    /// </summary>
    public sealed class PluginPackageIndex
    {
        private readonly Dictionary<string, PackagedType> _byKey;

        private PluginPackageIndex(string packageUniqueName, IEnumerable<PackagedType> types)
        {
            PackageUniqueName = packageUniqueName;
            _byKey = new Dictionary<string, PackagedType>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in types) _byKey[type.ExportKey] = type;
        }

        public string PackageUniqueName { get; }

        public IReadOnlyCollection<PackagedType> Types => _byKey.Values;

        public static PluginPackageIndex FromMetadata(string packageUniqueName, IEnumerable<AssemblyMetadata> assemblies) =>
            new(packageUniqueName, assemblies.SelectMany(a => a.PublicClasses.Select(t => new PackagedType(packageUniqueName, a.Name, t))));

        public static PluginPackageIndex FromLoaded(string packageUniqueName, IEnumerable<Assembly> assemblies) =>
            new(packageUniqueName, assemblies.Distinct().SelectMany(a => PluginClasses(a).Select(t => new PackagedType(packageUniqueName, a.GetName().Name!, t.FullName!))));

        public PackagedType? Find(string exportKey) => _byKey.TryGetValue(exportKey.Trim(), out var type) ? type : null;

        /// <summary>The key of a type, or null when the package does not hold it.</summary>
        public string? KeyOf(string assemblyName, string typeFullName) =>
            _byKey.Values.FirstOrDefault(t => t.AssemblyName == assemblyName && t.TypeFullName == typeFullName)?.ExportKey;

        private static IEnumerable<Type> PluginClasses(Assembly assembly) =>
            assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && !t.IsNested && typeof(IPlugin).IsAssignableFrom(t));
    }
}
