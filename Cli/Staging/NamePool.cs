using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// The names (tables, columns, lookup targets) of one staging, each given a number the first time a record is
    /// staged with it: an export has few names and millions of values under them, so a staged record carries each
    /// name as its number (<see cref="RecordCodec"/>), and reading it back is an array index, with no string made,
    /// hashed or compared. Numbers are given while staging writes, on one thread; afterwards the pool is only read.
    /// </summary>
    public sealed class NamePool
    {
        private const int ObjectsKept = 4096;

        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        /// <summary>
        /// The numbers by the name's string object: staging names columns with the schema's few strings, millions of times,
        /// and finding one by reference hashes none of its characters (5 % of the staging thread went to hashing and
        /// comparing names, 20,000 accounts × 100 activities). A name met as another string object is looked up by its text;
        /// at most <see cref="ObjectsKept"/> string objects are kept, so names made afresh per record cannot grow it.
        /// </summary>
        private readonly Dictionary<string, int> _numbersByObject = new(ReferenceEqualityComparer.Instance);
        private readonly List<string> _names = new();

        /// <summary>Names by their UTF-8 bytes, for a name staged as text (an excluded row's table).</summary>
        private readonly Dictionary<byte[], string> _byText = new(Utf8Comparer.Instance);
        private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _byTextBytes;

        public NamePool() => _byTextBytes = _byText.GetAlternateLookup<ReadOnlySpan<byte>>();

        /// <summary>The name's number, given now if the name is new.</summary>
        public int Number(string name)
        {
            if (_numbersByObject.TryGetValue(name, out var number)) return number;
            if (!_numbers.TryGetValue(name, out number))
            {
                number = _names.Count;
                _names.Add(name);
                _numbers.Add(name, number);
            }
            if (_numbersByObject.Count < ObjectsKept) _numbersByObject.Add(name, number);
            return number;
        }

        /// <summary>The name <see cref="Number"/> gave <paramref name="number"/>.</summary>
        public string Of(int number) =>
            (uint)number < (uint)_names.Count ? _names[number] : throw new InvalidDataException($"Staged name number {number} was never given ({_names.Count} names).");

        /// <summary>One string per distinct name staged as UTF-8 text.</summary>
        public string Of(ReadOnlySpan<byte> utf8)
        {
            if (_byTextBytes.TryGetValue(utf8, out var known)) return known;
            var added = Encoding.UTF8.GetString(utf8);
            _byTextBytes[utf8] = added;
            return added;
        }

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
