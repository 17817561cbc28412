using System;

namespace LoyaltyHealth.InMemory.Storage
{
    // Values sit in an array indexed by the table's column ordinals: far smaller than a dictionary per
    // row when a replay holds millions of activities. An ordinal past the end reads as null.
    internal sealed class Row
    {
        public Row(Guid id)
        {
            Id = id;
        }

        public Guid Id { get; }

        public object?[] Values { get; set; } = Array.Empty<object?>();

        public long Version { get; set; }
    }
}
