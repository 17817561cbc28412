using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Query
{
    // SQL Server orders uniqueidentifier by its last six bytes first; Dataverse's default order and its
    // paging follow that, so the in-memory order does too.
    internal sealed class SqlGuidComparer : IComparer<Guid>
    {
        public static readonly SqlGuidComparer Instance = new SqlGuidComparer();

        private static readonly int[] ByteOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

        public int Compare(Guid x, Guid y)
        {
            Span<byte> left = stackalloc byte[16];
            Span<byte> right = stackalloc byte[16];
            x.TryWriteBytes(left);
            y.TryWriteBytes(right);
            foreach (int index in ByteOrder)
            {
                int difference = left[index].CompareTo(right[index]);
                if (difference != 0)
                {
                    return difference;
                }
            }

            return 0;
        }
    }
}
