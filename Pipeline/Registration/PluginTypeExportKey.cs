using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// How a solution names a plugin type that lives in a plugin package: steps carry
    /// <c>&lt;PluginTypeExportKey&gt;</c> and Custom APIs <c>&lt;plugintypeid&gt;&lt;plugintypeexportkey&gt;</c>.
    /// For a package whose pluginpackage.xml says <c>exportkeyversion</c> 1 the key is the uppercase hex
    /// SHA-256 of "lower(package unique name)|lower(assembly simple name)|type full name". The recipe is not
    /// documented; it reproduces every version-1 key of the real exports in juergenbeck/D365TestCenter
    /// (solution/src, with its committed .nupkg) and microsoft/powercat-automation-kit
    /// (../shared/docs/deployment-evidence.md). Computing the key from names read off the built assembly
    /// means a renamed type or assembly can never leave a stale key behind: it simply stops resolving.
    /// </summary>
    public static class PluginTypeExportKey
    {
        /// <summary>The <c>exportkeyversion</c> this recipe belongs to.</summary>
        public const string Version = "1";

        private static readonly Regex Shape = new("^[0-9A-F]{64}$", RegexOptions.CultureInvariant);

        public static string Of(string packageUniqueName, string assemblyName, string typeFullName)
        {
            var text = packageUniqueName.ToLowerInvariant() + "|" + assemblyName.ToLowerInvariant() + "|" + typeFullName;
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }

        /// <summary>Whether the text has the shape of a version-1 key (a plain assembly's key is a GUID instead).</summary>
        public static bool IsKey(string text) => Shape.IsMatch(text);
    }
}
