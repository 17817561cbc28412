using System;
using System.Security.Cryptography;
using System.Text;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Name-based GUIDs (RFC 9562 version 5): the same name always gives the same id, so a component
    /// derived from code keeps its id from one generation to the next, and a new version of the solution
    /// updates the component it imported before instead of adding a copy.
    /// </summary>
    public static class DeterministicGuid
    {
        public static Guid Create(Guid space, string name)
        {
            var spaceBytes = space.ToByteArray(bigEndian: true);
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var input = new byte[spaceBytes.Length + nameBytes.Length];
            spaceBytes.CopyTo(input, 0);
            nameBytes.CopyTo(input, spaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what version 5 is defined with; it names ids, it protects nothing.
            var hash = SHA1.HashData(input);
#pragma warning restore CA5350
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true);
        }
    }
}
