using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>The net462 plugin assembly as an administrator registers it.</summary>
    public class DeployableAssemblyTests
    {
        private static string Net462Output(string assembly) => Path.Combine(RepositoryPaths.Net462PluginBuild, assembly);

        private static string Token(byte[] publicKeyOrToken, bool isToken)
        {
            var token = isToken ? publicKeyOrToken : System.Security.Cryptography.SHA1.HashData(publicKeyOrToken).Reverse().Take(8).ToArray();
            return Convert.ToHexString(token).ToLowerInvariant();
        }

        [Test]
        public void The_plugin_assembly_references_the_official_sdk_identity()
        {
            using var pe = new PEReader(File.OpenRead(Net462Output("LoyaltyHealth.Plugins.dll")));
            var reader = pe.GetMetadataReader();

            var sdk = reader.AssemblyReferences.Select(reader.GetAssemblyReference).Single(r => reader.GetString(r.Name) == "Microsoft.Xrm.Sdk");

            Assert.Multiple(() =>
            {
                Assert.That(sdk.Version, Is.EqualTo(new Version(9, 0, 0, 0)));
                Assert.That(Token(reader.GetBlobBytes(sdk.PublicKeyOrToken), (sdk.Flags & AssemblyFlags.PublicKey) == 0), Is.EqualTo("31bf3856ad364e35"));
            });
        }

        [TestCase("LoyaltyHealth.Plugins.dll")]
        [TestCase("LoyaltyHealth.Model.dll")]
        public void Deployable_assemblies_are_strong_named_for_net462(string assembly)
        {
            var name = AssemblyName.GetAssemblyName(Net462Output(assembly));

            Assert.Multiple(() =>
            {
                Assert.That(name.GetPublicKeyToken(), Is.Not.Empty, $"{assembly} has no strong name");
                Assert.That(name.Version, Is.EqualTo(new Version(1, 0, 0, 0)));
            });
        }

        // Neither exists in the .NET Framework 4.6.2 sandbox: netstandard comes with a netstandard2.0 build of
        // Model, System.ValueTuple with C# tuples, and either one stops the plugin loading there.
        [TestCase("LoyaltyHealth.Plugins.dll")]
        [TestCase("LoyaltyHealth.Model.dll")]
        public void Deployable_assemblies_reference_no_assembly_the_net462_sandbox_lacks(string assembly)
        {
            using var pe = new PEReader(File.OpenRead(Net462Output(assembly)));
            var reader = pe.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(r => reader.GetString(reader.GetAssemblyReference(r).Name)).ToList();

            Assert.That(references, Has.None.EqualTo("netstandard").And.None.EqualTo("System.ValueTuple"),
                $"{assembly} would not load in the .NET Framework 4.6.2 sandbox");
        }

        [Test]
        public void The_deployable_assembly_targets_net_framework_462()
        {
            using var pe = new PEReader(File.OpenRead(Net462Output("LoyaltyHealth.Plugins.dll")));
            var reader = pe.GetMetadataReader();
            var framework = reader.GetAssemblyDefinition().GetCustomAttributes()
                .Select(reader.GetCustomAttribute)
                .Where(a => a.Constructor.Kind == HandleKind.MemberReference
                    && reader.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
                .Select(a =>
                {
                    var blob = reader.GetBlobReader(a.Value);
                    blob.ReadUInt16(); // prolog
                    return blob.ReadSerializedString();
                })
                .SingleOrDefault();

            Assert.That(framework, Is.EqualTo(".NETFramework,Version=v4.6.2"));
        }
    }
}
