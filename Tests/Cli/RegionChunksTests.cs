using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// The staging file keeps each region's rows in chunks: whatever the chunks' size and however often the buffers are
    /// written, a region gives back exactly the rows appended to it, in order, and the buffers never hold more than allowed.
    /// </summary>
    public class RegionChunksTests : TempFolderTests
    {
        [TestCase(1, 1)]
        [TestCase(64, 10_000)]
        [TestCase(200, 500)]
        [TestCase(RegionChunks.DefaultChunkBytes, RegionChunks.DefaultMostBuffered)]
        public void Every_region_gives_back_its_rows_in_the_order_they_were_appended(int chunkBytes, long mostBuffered)
        {
            using var database = new ScratchDatabase("test", Folder, "");
            using var chunks = new RegionChunks(database.Connection, sql => database.Execute(sql), chunkBytes, mostBuffered);
            var appended = new Dictionary<int, List<(ChunkRow Row, byte[] Payload)>>();
            var random = new Random(7);
            long mostHeld = 0;
            for (var n = 0; n < 2_000; n++)
            {
                var region = random.Next(5);
                var excluded = n % 17 == 0;
                var row = new ChunkRow(n + 1, region * 10 + random.Next(10), excluded, Shared: n % 5 == 0, Table: n % 3, Id: n % 7 == 0 ? Guid.NewGuid() : null);
                var payload = excluded ? Array.Empty<byte>() : Enumerable.Range(0, random.Next(1, 120)).Select(b => (byte)(b + n)).ToArray();
                chunks.Append(region, row, payload);
                mostHeld = Math.Max(mostHeld, chunks.Buffered);
                (appended.TryGetValue(region, out var list) ? list : appended[region] = new()).Add((row, payload));
            }
            chunks.Flush();

            Assert.Multiple(() =>
            {
                Assert.That(chunks.Regions(), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
                foreach (var (region, rows) in appended)
                {
                    var read = new List<(ChunkRow Row, byte[] Payload)>();
                    chunks.Sweep(region, (in ChunkRow row, ReadOnlySpan<byte> payload) => read.Add((row, payload.ToArray())));
                    Assert.That(read.Select(r => r.Row), Is.EqualTo(rows.Select(r => r.Row)), $"region {region}");
                    Assert.That(read.Select(r => r.Payload), Is.EqualTo(rows.Select(r => r.Payload)), $"region {region}'s payloads");
                }
                Assert.That(mostHeld, Is.LessThanOrEqualTo(mostBuffered), "the most the buffers held between appends");
                // The largest row is 21 bytes of header, 16 of id and 119 of payload.
                Assert.That(LargestChunk(database), Is.LessThanOrEqualTo(Math.Max(chunkBytes, 21 + 16 + 119)), "a chunk is never larger than its size, or one row");
                Assert.That(chunks.Buffered, Is.Zero);
            });
        }

        private static long LargestChunk(ScratchDatabase database)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = "SELECT max(length(data)) FROM chunks";
            return (long)command.ExecuteScalar()!;
        }

        [Test]
        public void Rows_appended_during_a_sweep_are_kept_but_not_visited_by_it()
        {
            using var database = new ScratchDatabase("test", Folder, "");
            using var chunks = new RegionChunks(database.Connection, sql => database.Execute(sql), chunkBytes: 50);
            for (var n = 1; n <= 10; n++) chunks.Append(1, new ChunkRow(n, 1, false, false, 0, null), new byte[] { (byte)n });
            chunks.Flush();

            var visited = new List<long>();
            chunks.Sweep(1, (in ChunkRow row, ReadOnlySpan<byte> payload) =>
            {
                visited.Add(row.FileOrder);
                chunks.Append(1, row with { FileOrder = row.FileOrder + 100, Shared = true }, payload);
                chunks.Append(2, row with { Account = 2, Shared = true }, payload);
            });
            chunks.Flush();
            var again = new List<long>();
            chunks.Sweep(1, (in ChunkRow row, ReadOnlySpan<byte> _) => again.Add(row.FileOrder));
            var copied = new List<byte>();
            chunks.Sweep(2, (in ChunkRow _, ReadOnlySpan<byte> payload) => copied.Add(payload[0]));

            Assert.Multiple(() =>
            {
                Assert.That(visited, Is.EqualTo(Enumerable.Range(1, 10)));
                Assert.That(again, Is.EqualTo(Enumerable.Range(1, 10).Concat(Enumerable.Range(101, 10))));
                Assert.That(copied, Is.EqualTo(Enumerable.Range(1, 10)));
            });
        }
    }
}
