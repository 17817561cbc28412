using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LoyaltyHealth.InMemory.Query
{
    // SQL Server orders uniqueidentifier by its last six bytes first; Dataverse's default order and its
    // paging follow that, so the in-memory order does too.
    internal sealed class SqlGuidComparer : IComparer<Guid>
    {
        public static readonly SqlGuidComparer Instance = new SqlGuidComparer();

        public int Compare(Guid x, Guid y)
        {
            // Equal ids are the common case when tuples tie on their earlier slots.
            if (x == y)
            {
                return 0;
            }

            var left = SortKey.Of(x);
            var right = SortKey.Of(y);
            return left.High != right.High ? left.High.CompareTo(right.High) : left.Low.CompareTo(right.Low);
        }

        // The id's bytes (as Guid.ToByteArray lays them out) in SQL Server's order of significance, 10-15, 8-9,
        // 6-7, 4-5 and 0-3, packed into two numbers that compare as the bytes do one by one.
        private readonly struct SortKey
        {
            private SortKey(ulong high, ulong low)
            {
                High = high;
                Low = low;
            }

            public ulong High { get; }

            public ulong Low { get; }

            public static SortKey Of(Guid id)
            {
                // On a little-endian machine the id's memory is Guid.ToByteArray's layout, read without a copy.
                ReadOnlySpan<byte> bytes = BitConverter.IsLittleEndian
                    ? MemoryMarshal.AsBytes(new ReadOnlySpan<Guid>(in id))
                    : id.ToByteArray();
                ulong high = BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(8)), 16);
                ulong low = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(6)) << 48)
                    | ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(4)) << 32)
                    | BinaryPrimitives.ReadUInt32BigEndian(bytes);
                return new SortKey(high, low);
            }
        }
    }
}
