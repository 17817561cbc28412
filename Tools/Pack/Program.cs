using System;
using System.IO;
using System.Linq;

namespace LoyaltyHealth.Pack
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            try
            {
                var options = CommandLine.Parse(args);
                if (options.Help)
                {
                    Console.WriteLine(CommandLine.Usage);
                    return 0;
                }

                var root = Repository.FindRoot();
                if (options.WriteSteps)
                {
                    var folder = Path.GetFullPath(options.Solution ?? Path.Combine(root, "solution"));
                    Console.WriteLine($"Derived {StepFiles.Write(folder)} step files in {folder}.");
                    return 0;
                }
                if (options.Build) Repository.BuildPlugins(root, options.Configuration);
                var inputs = new PackInputs(
                    Path.GetFullPath(options.Solution ?? Path.Combine(root, "solution")),
                    Path.GetFullPath(options.PluginBuild ?? Repository.PluginBuildFolder(root, options.Configuration)));
                var packed = SolutionPacker.Pack(inputs);

                var output = Path.GetFullPath(options.Output ?? Path.Combine(root, "dist"));
                var zip = AtomicFile.Write(output, packed.ZipFileName, packed.Zip);
                var package = AtomicFile.Write(output, packed.PackageFileName, packed.PackageContent);
                Console.WriteLine($"Packed {packed.Manifest.UniqueName} {packed.Manifest.Version}: {zip} ({packed.Entries.Count} entries, {packed.Zip.Length:N0} bytes)");
                Console.WriteLine($"Plugin package {packed.Package.Name} {packed.Package.Version}: {package} ({string.Join(", ", packed.Assemblies.Select(a => a.FileName))})");
                return 0;
            }
            catch (Exception e) when (e is LoyaltyHealth.Pipeline.Registration.SolutionFormatException)
            {
                Console.Error.WriteLine("pack failed: " + e.Message);
                return 1;
            }
            catch (PackError e)
            {
                Console.Error.WriteLine("pack failed: " + e.Message);
                return 1;
            }
        }
    }
}
