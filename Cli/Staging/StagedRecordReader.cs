using System;
using System.Buffers.Binary;
using System.Text;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Reads the parts of a staged record (<see cref="RecordCodec"/>) straight from its bytes, in the layout
    /// <see cref="System.IO.BinaryWriter"/> gives them, without a stream or reader per record.
    /// </summary>
    internal ref struct StagedRecordReader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly NamePool _names;
        private int _position;

        public StagedRecordReader(ReadOnlySpan<byte> bytes, NamePool names)
        {
            _bytes = bytes;
            _names = names;
            _position = 0;
        }

        public byte Byte() => _bytes[_position++];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public Guid Id() => new(Take(16));

        /// <summary>As <see cref="System.IO.BinaryWriter.Write(decimal)"/> wrote it: the low, middle and high parts, then the flags.</summary>
        public decimal Decimal()
        {
            Span<int> parts = stackalloc int[4];
            for (var i = 0; i < parts.Length; i++) parts[i] = Int32();
            return new decimal(parts);
        }

        /// <summary>A text value: a new string each time.</summary>
        public string Text() => Encoding.UTF8.GetString(TextBytes());

        /// <summary>A table or column name, written as its number in the staging's names: one string per distinct name.</summary>
        public string Name() => _names.Of(SevenBit());

        /// <summary>The UTF-8 bytes behind a 7-bit encoded length, as <see cref="System.IO.BinaryWriter.Write(string)"/> writes text.</summary>
        private ReadOnlySpan<byte> TextBytes() => Take(SevenBit());

        /// <summary>A 7-bit encoded number, as <see cref="System.IO.BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        private int SevenBit()
        {
            var value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var part = Byte();
                value |= (part & 0x7F) << shift;
                if (part < 0x80) return value;
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            var taken = _bytes.Slice(_position, count);
            _position += count;
            return taken;
        }
    }
}
