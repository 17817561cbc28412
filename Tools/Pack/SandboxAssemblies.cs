using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// What the Dataverse sandbox gives a plugin without it being shipped: the .NET Framework 4.6.2 (its
    /// reference assemblies and their Facades, read from Microsoft's reference-assembly package) and the
    /// Dataverse SDK. netstandard.dll and System.ValueTuple.dll are not among them: a 4.6.2 sandbox lacks both.
    /// </summary>
    public sealed class SandboxAssemblies
    {
        /// <summary>The SDK assemblies the sandbox loads for every plugin (dependent-assemblies documentation).</summary>
        public static readonly IReadOnlyList<string> DataverseSdk = new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow", "System.Activities" };

        private static readonly Lazy<SandboxAssemblies> Net462Once = new(() => FromReferenceAssemblies(Net462Folder()));
        private readonly IReadOnlyDictionary<string, Version> _framework;

        private SandboxAssemblies(IReadOnlyDictionary<string, Version> framework)
        {
            _framework = framework;
        }

        public static SandboxAssemblies Net462 => Net462Once.Value;

        public IReadOnlyCollection<string> FrameworkAssemblies => (IReadOnlyCollection<string>)_framework.Keys;

        public static SandboxAssemblies FromReferenceAssemblies(string folder)
        {
            if (!Directory.Exists(folder))
                throw new PackError($"The .NET Framework 4.6.2 reference assemblies are not at {folder}; restore the solution first (dotnet restore LoyaltyPlugin.sln).");
            var framework = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in new[] { folder, Path.Combine(folder, "Facades") }.Where(Directory.Exists)
                .SelectMany(f => Directory.EnumerateFiles(f, "*.dll")))
            {
                // A few files of the reference pack are bare modules, which no plugin can reference.
                AssemblyMetadata assembly;
                try { assembly = AssemblyMetadata.ReadFile(file); }
                catch (BadImageFormatException) { continue; }
                framework[assembly.Name] = assembly.Version;
            }
            return new SandboxAssemblies(framework);
        }

        /// <summary>Whether the sandbox satisfies a reference: the SDK by name, the framework by name at no higher version.</summary>
        public bool Provides(AssemblyReference reference) =>
            DataverseSdk.Contains(reference.Name, StringComparer.Ordinal)
            || (_framework.TryGetValue(reference.Name, out var version) && reference.Version <= version);

        public bool Provides(string name) => DataverseSdk.Contains(name, StringComparer.Ordinal) || _framework.ContainsKey(name);

        private static string Net462Folder() =>
            typeof(SandboxAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "Net462ReferenceAssemblies")?.Value
            ?? throw new PackError("The pack was built without the location of the .NET Framework 4.6.2 reference assemblies.");
    }
}
