using System;
using System.Collections.Generic;
using System.Text;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// One string per distinct name (table, column, lookup target) read back from staging: an export has few
    /// names and millions of values under them, so a name is looked up from its UTF-8 bytes and only a name
    /// not seen before is allocated. Not thread-safe: one pool per reading thread.
    /// </summary>
    public sealed class NamePool
    {
        /// <summary>Longer names are rare enough to be allocated each time rather than decoded on the stack.</summary>
        private const int PooledLength = 128;

        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

        public NamePool() => _byChars = _names.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Of(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > PooledLength) return Encoding.UTF8.GetString(utf8);
            Span<char> chars = stackalloc char[PooledLength];
            var length = Encoding.UTF8.GetChars(utf8, chars);
            var name = chars.Slice(0, length);
            if (_byChars.TryGetValue(name, out var known)) return known;
            var added = name.ToString();
            _names.Add(added, added);
            return added;
        }
    }
}
