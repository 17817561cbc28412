using System;
using System.IO;
using System.IO.Compression;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;

namespace LoyaltyHealth.Cli.SampleData
{
    /// <summary>
    /// The bundled sample organisation. It ships as the three text files of a Configuration Migration
    /// file (readable diffs) embedded in the tool, and is zipped when a command needs the file.
    /// </summary>
    public static class SampleOrganisation
    {
        public static readonly string[] Files = { CmtPackageReader.ContentTypesEntry, CmtPackageReader.SchemaEntry, CmtPackageReader.DataEntry };

        /// <summary>Writes the bundled files as one zip, the form the Configuration Migration tool imports.</summary>
        public static void WriteZip(string path)
        {
            using var file = File.Create(path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Create);
            foreach (var name in Files)
            {
                using var source = typeof(SampleOrganisation).Assembly.GetManifestResourceStream("SampleData." + name)
                    ?? throw new InvalidOperationException($"The tool was built without its sample file {name}.");
                using var target = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                source.CopyTo(target);
            }
        }

        /// <summary>Regenerates the text files from <see cref="SampleStories"/> into a folder (the tool's SampleData/ when its stories change).</summary>
        public static void WriteTextFiles(string folder)
        {
            Directory.CreateDirectory(folder);
            using var buffer = new MemoryStream();
            CmtPackageWriter.Write(buffer, SampleStories.Build().Records(), SampleStories.AsOf);
            buffer.Position = 0;
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            foreach (var name in Files)
            {
                using var source = zip.GetEntry(name)!.Open();
                using var target = File.Create(Path.Combine(folder, name));
                source.CopyTo(target);
            }
        }
    }
}
