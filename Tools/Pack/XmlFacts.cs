using System;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>Reads of required XML parts that fail with the file, the element and its line.</summary>
    public static class XmlFacts
    {
        public static string RequiredAttribute(this XElement element, string name, string file)
        {
            var value = element.Attribute(name)?.Value;
            if (string.IsNullOrWhiteSpace(value))
                throw new SourceFileError(file, $"<{element.Name.LocalName}>{Line(element)} has no {name} attribute.");
            return value!.Trim();
        }

        public static XElement RequiredChild(this XElement element, string name, string file)
        {
            var child = element.Element(name);
            if (child is null) throw new SourceFileError(file, $"<{element.Name.LocalName}>{Line(element)} has no <{name}> element.");
            return child;
        }

        public static string RequiredText(this XElement element, string name, string file)
        {
            var value = element.RequiredChild(name, file).Value;
            if (string.IsNullOrWhiteSpace(value))
                throw new SourceFileError(file, $"<{name}> in <{element.Name.LocalName}>{Line(element)} is empty.");
            return value.Trim();
        }

        public static Guid RequiredGuid(string text, string what, XElement where, string file)
        {
            if (!Guid.TryParse(text, out var id) || id == Guid.Empty)
                throw new SourceFileError(file, $"{what} '{text}' in <{where.Name.LocalName}>{Line(where)} is not a GUID.");
            return id;
        }

        public static string Line(XObject node) =>
            node is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";

        /// <summary>A copy for inlining into a bigger document, without its own namespace declarations.</summary>
        public static XElement Inlined(this XElement element)
        {
            var copy = new XElement(element);
            foreach (var declaration in copy.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.IsNamespaceDeclaration).ToList())
                declaration.Remove();
            return copy;
        }
    }
}
