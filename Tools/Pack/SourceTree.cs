using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// The unpacked solution folder. Every read goes through here so that any problem is reported
    /// with the file it is in, relative to the solution folder.
    /// </summary>
    public sealed class SourceTree
    {
        public SourceTree(string root)
        {
            Root = Path.GetFullPath(root);
            if (!Directory.Exists(Root)) throw new PackError($"The solution folder {Root} does not exist.");
        }

        public string Root { get; }

        public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

        public string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        public bool Exists(string relative) => File.Exists(Full(relative));

        public bool FolderExists(string relative) => Directory.Exists(Full(relative));

        /// <summary>Every file under the tree, relative, in ordinal order.</summary>
        public IReadOnlyList<string> AllFiles() =>
            Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(Relative).OrderBy(p => p, StringComparer.Ordinal).ToList();

        public IReadOnlyList<string> Files(string folder, string pattern = "*") =>
            FolderExists(folder)
                ? Directory.EnumerateFiles(Full(folder), pattern, SearchOption.TopDirectoryOnly).Select(Relative).OrderBy(p => p, StringComparer.Ordinal).ToList()
                : Array.Empty<string>();

        public IReadOnlyList<string> Folders(string folder) =>
            FolderExists(folder)
                ? Directory.EnumerateDirectories(Full(folder)).Select(Relative).OrderBy(p => p, StringComparer.Ordinal).ToList()
                : Array.Empty<string>();

        /// <summary>Loads an XML file, failing with the file and line when it is missing or not well-formed.</summary>
        public XDocument Load(string relative)
        {
            if (!Exists(relative)) throw new SourceFileError(relative, "the file is missing.");
            try
            {
                using var stream = File.OpenRead(Full(relative));
                return XDocument.Load(stream, LoadOptions.SetLineInfo);
            }
            catch (XmlException e)
            {
                throw new SourceFileError(relative, $"not well-formed XML: {e.Message}", e);
            }
        }

        /// <summary>Loads an XML file whose root element must have the given name.</summary>
        public XElement LoadRoot(string relative, string rootName)
        {
            var root = Load(relative).Root!;
            if (root.Name.LocalName != rootName || root.Name.Namespace != XNamespace.None)
                throw new SourceFileError(relative, $"the root element is <{root.Name.LocalName}>, expected <{rootName}>.");
            return root;
        }
    }
}
