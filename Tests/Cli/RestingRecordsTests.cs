using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.SampleData;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// A parsed record handed back is filled again only once the set number of others wait behind it (so its buffers have
    /// left the cache of the core that read it), and a record filled again holds only its new record's values.
    /// </summary>
    public class RestingRecordsTests : TempFolderTests
    {
        [Test]
        public void A_record_handed_back_waits_behind_the_resting_records_and_is_then_read_as_a_new_one()
        {
            var sample = Path.Combine(Folder, "sample.zip");
            SampleOrganisation.WriteZip(sample);
            using var fresh = CmtPackageReader.Open(sample);
            var expected = fresh.Parse(refuseRepeatsInMemory: false).Select(parsed => Staged(parsed, fresh)).ToList();

            using var reader = CmtPackageReader.Open(sample);
            reader.RestingRecords = 3;
            var handedBackAt = new Dictionary<ParsedRecord, int>(ReferenceEqualityComparer.Instance);
            var waited = new List<int>();
            var read = new List<byte[]>();
            foreach (var parsed in reader.Parse(refuseRepeatsInMemory: false))
            {
                if (handedBackAt.TryGetValue(parsed, out var at)) waited.Add(read.Count - at);
                read.Add(Staged(parsed, reader));
                reader.Recycle(parsed);
                handedBackAt[parsed] = read.Count;
            }

            Assert.That(read, Is.EqualTo(expected));
            Assert.That(waited, Is.Not.Empty.And.All.EqualTo(3));
        }

        private static byte[] Staged(ParsedRecord parsed, CmtPackageReader reader)
        {
            var staged = new StagedRecord();
            reader.Read(parsed, staged);
            var bytes = new System.Buffers.ArrayBufferWriter<byte>();
            staged.Encode(bytes, new NamePool());
            return bytes.WrittenSpan.ToArray();
        }
    }
}
