using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// Writes XML the same way every time: UTF-8 without a byte order mark, two-space indent and CRLF
    /// line ends as Dataverse exports them, whatever line ends the checkout has.
    /// </summary>
    public static class XmlText
    {
        private static readonly XmlWriterSettings Settings = new()
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
            NewLineHandling = NewLineHandling.Replace,
        };

        /// <summary>A source file as committed: the same XML with the checkout's usual LF line ends.</summary>
        public static byte[] SourceBytes(XElement root) =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bytes(root)).Replace("\r\n", "\n") + "\n");

        public static byte[] Bytes(XElement root)
        {
            using var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, Settings))
            {
                new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
            }
            return buffer.ToArray();
        }
    }
}
