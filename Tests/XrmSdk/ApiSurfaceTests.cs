using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.XrmSdk
{
    // StandInApi.txt is the stand-in's whole public surface. Against the stand-in it must match exactly
    // (so nothing public is added without being listed); against the official assembly
    // (-p:XrmSdk=Folder, see build/README.md) every listed line must exist there too, which proves each
    // stand-in member has the official name, signature and declaring type.
    public class ApiSurfaceTests
    {
        private static readonly Assembly Sdk = typeof(Entity).Assembly;

        [Test]
        public void Every_member_of_the_stand_in_exists_with_the_same_signature_in_the_loaded_SDK()
        {
            var expected = Snapshot();
            var typeNames = expected.Where(l => l.StartsWith("type ", StringComparison.Ordinal))
                .Select(l => l.Substring(5, l.IndexOf(" | ", StringComparison.Ordinal) - 5)).ToList();

            var actual = typeNames.SelectMany(name => ApiSurface.Render(FindType(name))).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(line => !actual.Contains(line)).ToList();

            Assert.That(missing, Is.Empty, $"{Sdk.GetName()} lacks or differs in:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
        }

        [Test]
        public void The_stand_in_has_no_public_member_beyond_the_listed_ones()
        {
            Assume.That(IsStandIn(), Is.True, "only meaningful when the stand-in is the SDK under test");

            var actual = Sdk.GetExportedTypes().OrderBy(t => ApiSurface.Name(t), StringComparer.Ordinal).SelectMany(ApiSurface.Render).ToList();
            var unlisted = actual.Except(Snapshot(), StringComparer.Ordinal).ToList();

            Assert.That(unlisted, Is.Empty, $"add these to StandInApi.txt (after checking them against the official SDK):{Environment.NewLine}{string.Join(Environment.NewLine, unlisted)}");
        }

        private static bool IsStandIn() =>
            Sdk.GetCustomAttributes<AssemblyMetadataAttribute>().Any(a => a.Key == "XrmSdkStandIn" && a.Value == "true");

        private static Type FindType(string renderedName)
        {
            var type = Sdk.GetExportedTypes().FirstOrDefault(t => ApiSurface.Name(t) == renderedName);
            Assert.That(type, Is.Not.Null, $"{Sdk.GetName()} has no public type {renderedName}");
            return type!;
        }

        private static string[] Snapshot()
        {
            using var stream = typeof(ApiSurfaceTests).Assembly.GetManifestResourceStream("StandInApi.txt")
                ?? throw new InvalidOperationException("StandInApi.txt is not embedded in the test assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        }
    }
}
