using System;
using System.Linq;
using LoyaltyHealth.InMemory.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>
    /// The id order SQL Server gives uniqueidentifier: the bytes of Guid.ToByteArray compared one by one,
    /// most significant first in the order 10-15, 8-9, 6-7, 4-5, 0-3.
    /// </summary>
    public class SqlGuidComparerTests
    {
        private static readonly int[] Significance = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

        private static int ByteByByte(Guid x, Guid y)
        {
            var left = x.ToByteArray();
            var right = y.ToByteArray();
            foreach (int index in Significance)
            {
                if (left[index] != right[index])
                {
                    return left[index].CompareTo(right[index]);
                }
            }

            return 0;
        }

        [Test]
        public void Each_byte_outweighs_every_byte_after_it_in_the_order()
        {
            for (int position = 0; position < Significance.Length; position++)
            {
                var larger = new byte[16];
                larger[Significance[position]] = 1;
                var smaller = Enumerable.Repeat((byte)0xFF, 16).ToArray();
                for (int earlier = 0; earlier <= position; earlier++)
                {
                    smaller[Significance[earlier]] = 0;
                }

                Assert.That(SqlGuidComparer.Instance.Compare(new Guid(larger), new Guid(smaller)), Is.GreaterThan(0), $"byte {Significance[position]}");
                Assert.That(SqlGuidComparer.Instance.Compare(new Guid(smaller), new Guid(larger)), Is.LessThan(0), $"byte {Significance[position]}");
            }
        }

        [Test]
        public void Random_ids_compare_as_their_bytes_do_one_by_one()
        {
            var random = new Random(11);
            var ids = Enumerable.Range(0, 400).Select(_ =>
            {
                var bytes = new byte[16];
                random.NextBytes(bytes);
                // Few distinct byte values, so many pairs share their leading bytes.
                return new Guid(bytes.Select(b => (byte)(b % 3 == 0 ? 0 : b % 3 == 1 ? 0x7F : 0xFF)).ToArray());
            }).ToList();

            var disagreements = from x in ids
                                from y in ids
                                where Math.Sign(SqlGuidComparer.Instance.Compare(x, y)) != Math.Sign(ByteByByte(x, y))
                                select $"{x} {y}";
            Assert.That(disagreements.Take(5), Is.Empty);

            Assert.That(SqlGuidComparer.Instance.Compare(ids[0], ids[0]), Is.Zero);
        }
    }
}
