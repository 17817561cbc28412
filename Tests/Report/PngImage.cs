using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace LoyaltyHealth.Tests.Report
{
    /// <summary>Decodes the 8-bit, non-interlaced RGB or RGBA PNG files Chromium writes, so a test can look at pixels.</summary>
    internal sealed class PngImage
    {
        private readonly byte[] _pixels;
        private readonly int _channels;

        private PngImage(int width, int height, int channels, byte[] pixels)
        {
            Width = width;
            Height = height;
            _channels = channels;
            _pixels = pixels;
        }

        public int Width { get; }
        public int Height { get; }

        public (byte R, byte G, byte B) this[int x, int y]
        {
            get
            {
                var i = (y * Width + x) * _channels;
                return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
            }
        }

        public static PngImage Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 8 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') throw new InvalidDataException($"{path} is not a PNG file.");
            int width = 0, height = 0, channels = 0;
            using var idat = new MemoryStream();
            for (var offset = 8; offset < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
                var type = Encoding.ASCII.GetString(bytes, offset + 4, 4);
                var data = bytes.AsSpan(offset + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("Only 8-bit, non-interlaced PNG files are read.");
                    channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {data[9]} is not read.") };
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }
                offset += 12 + length;
            }
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
            return new PngImage(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
        }

        private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
        {
            var stride = width * bpp;
            var pixels = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = data[y * (stride + 1)];
                var source = y * (stride + 1) + 1;
                var row = y * stride;
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= bpp ? pixels[row + x - bpp] : 0;
                    int b = y > 0 ? pixels[row - stride + x] : 0;
                    int c = x >= bpp && y > 0 ? pixels[row - stride + x - bpp] : 0;
                    var raw = data[source + x];
                    pixels[row + x] = (byte)(filter switch
                    {
                        0 => raw,
                        1 => raw + a,
                        2 => raw + b,
                        3 => raw + (a + b) / 2,
                        4 => raw + Paeth(a, b, c),
                        _ => throw new InvalidDataException($"PNG filter {filter} is unknown."),
                    });
                }
            }
            return pixels;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
