using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// A zip whose bytes depend only on its entries: entries in the order given, one fixed time stamp,
    /// no extra fields, the same compression level. Packing the same sources twice gives the same file.
    /// </summary>
    public static class DeterministicZip
    {
        /// <summary>The time stamp of every entry (the DOS epoch is 1980; any fixed value works).</summary>
        public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> entries)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, content) in entries)
                {
                    if (!names.Add(name)) throw new PackError($"Two entries would be written to the same path {name} in the zip.");
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    entry.ExternalAttributes = 0;
                    using var stream = entry.Open();
                    stream.Write(content, 0, content.Length);
                }
            }
            return buffer.ToArray();
        }
    }
}
