using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>An assembly another one references: the name and version the loader will look for.</summary>
    public sealed record AssemblyReference(string Name, Version Version);

    /// <summary>
    /// What the Dataverse import and the sandbox loader see of an assembly, read from its metadata alone
    /// (nothing is loaded or run, so a net462 build can be read on .NET 10): its identity, the assemblies
    /// it references and the public classes a step or Custom API can bind to.
    /// </summary>
    public sealed record AssemblyMetadata(string FileName, string Name, Version Version, string FullName, bool IsStrongNamed,
        IReadOnlyList<AssemblyReference> References, IReadOnlyList<string> PublicClasses)
    {
        public static AssemblyMetadata Read(string fileName, byte[] content)
        {
            try
            {
                using var pe = new PEReader(new MemoryStream(content));
                if (!pe.HasMetadata) throw new BadImageFormatException($"{fileName} has no .NET metadata.");
                var reader = pe.GetMetadataReader();
                var definition = reader.GetAssemblyDefinition();
                var identity = definition.GetAssemblyName();
                var references = reader.AssemblyReferences
                    .Select(h => reader.GetAssemblyReference(h))
                    .Select(r => new AssemblyReference(reader.GetString(r.Name), r.Version))
                    .ToList();
                return new AssemblyMetadata(fileName, identity.Name!, definition.Version, identity.FullName, !definition.PublicKey.IsNil,
                    references, ReadPublicClasses(reader));
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
            {
                throw new BadImageFormatException($"{fileName} is not a .NET assembly: {e.Message}", e);
            }
        }

        public static AssemblyMetadata ReadFile(string path) => Read(Path.GetFileName(path), File.ReadAllBytes(path));

        // Plugin types are public, concrete, top-level classes; nested or abstract types cannot be registered.
        private static IReadOnlyList<string> ReadPublicClasses(MetadataReader reader) =>
            reader.TypeDefinitions.Select(reader.GetTypeDefinition)
                .Where(t => t.GetDeclaringType().IsNil
                    && (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public
                    && (t.Attributes & (TypeAttributes.Abstract | TypeAttributes.Interface)) == 0)
                .Select(t => reader.GetString(t.Namespace) is { Length: > 0 } ns ? ns + "." + reader.GetString(t.Name) : reader.GetString(t.Name))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
    }
}
