using System;
using System.Collections.Generic;
using System.Text;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// One string per distinct name (table, column, lookup target) read back from staging: an export has few
    /// names and millions of values under them, so a name is looked up by its UTF-8 bytes themselves, with no
    /// decoding, and only a name not seen before is decoded and allocated. Not thread-safe: one pool per reading thread.
    /// </summary>
    public sealed class NamePool
    {
        private readonly Dictionary<byte[], string> _names = new(Utf8Comparer.Instance);
        private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _byBytes;

        public NamePool() => _byBytes = _names.GetAlternateLookup<ReadOnlySpan<byte>>();

        public string Of(ReadOnlySpan<byte> utf8)
        {
            if (_byBytes.TryGetValue(utf8, out var known)) return known;
            var added = Encoding.UTF8.GetString(utf8);
            _byBytes[utf8] = added;
            return added;
        }

        /// <summary>Names by their bytes, so that a name read from a record is found without making a key of it.</summary>
        private sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
        {
            public static readonly Utf8Comparer Instance = new();

            public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

            public int GetHashCode(byte[] name) => GetHashCode(name.AsSpan());

            public bool Equals(ReadOnlySpan<byte> utf8, byte[] name) => utf8.SequenceEqual(name);

            public int GetHashCode(ReadOnlySpan<byte> utf8)
            {
                var hash = new HashCode();
                hash.AddBytes(utf8);
                return hash.ToHashCode();
            }

            public byte[] Create(ReadOnlySpan<byte> utf8) => utf8.ToArray();
        }
    }
}
