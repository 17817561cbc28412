using System.IO;

namespace LoyaltyHealth.Pack
{
    /// <summary>Writes a file next to its final name and renames it into place, so a reader never sees half of it.</summary>
    public static class AtomicFile
    {
        public static string Write(string folder, string name, byte[] content)
        {
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, name);
            var temporary = Path.Combine(folder, "." + name + ".partial");
            try
            {
                File.WriteAllBytes(temporary, content);
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
            return target;
        }
    }
}
