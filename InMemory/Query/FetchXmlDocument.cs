using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace LoyaltyHealth.InMemory.Query
{
    // FetchXML read forward, element by element, without building a tree: a query is parsed once per request,
    // and an XDocument of it cost more than running it. The reader has XDocument.Parse's settings, so a
    // document is well-formed, and an error reads, exactly as XDocument.Parse would have it; the element
    // and attribute lookups give what XElement's would (attributes by unprefixed name, elements by local name).
    // Every element read is also noted for the checks that look at the whole document.
    internal sealed class FetchXmlDocument : IDisposable
    {
        private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

        // XDocument.Parse's settings for LoadOptions.None.
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            IgnoreWhitespace = true,
            DtdProcessing = DtdProcessing.Parse,
            MaxCharactersFromEntities = 10_000_000,
        };

        private readonly XmlReader _reader;

        public FetchXmlDocument(string text)
        {
            _reader = XmlReader.Create(new StringReader(text), Settings);
        }

        /// <summary>Elements named filter (in no namespace) below the root that carry a hint attribute.</summary>
        public int HintedFilters { get; private set; }

        /// <summary>Children of the root whose local name is entity.</summary>
        public int RootEntities { get; private set; }

        /// <summary>The local name of the root's first child that is not an entity, if any.</summary>
        public string? FirstOtherRootChild { get; private set; }

        /// <summary>The local name of the element the document is on.</summary>
        public string Name => _reader.LocalName;

        /// <summary>Moves to the root element; the reader itself refuses a document without one.</summary>
        public void ReadRoot()
        {
            while (Read() && _reader.NodeType != XmlNodeType.Element)
            {
            }
        }

        /// <summary>The children of the element the document is on, read in document order; a child's own children are skipped unless read.</summary>
        public ChildElements Children() => new ChildElements(this, _reader.Depth, _reader.IsEmptyElement);

        /// <summary>The value of the current element's attribute of that name without a prefix, or null.</summary>
        public string? Attribute(string name) => _reader.GetAttribute(name);

        /// <summary>The local name of the current element's first attribute outside the allowed names, namespace declarations aside.</summary>
        public string? FirstAttributeOutside(ISet<string> allowed)
        {
            if (!_reader.MoveToFirstAttribute())
            {
                return null;
            }

            string? outside = null;
            do
            {
                if (_reader.NamespaceURI != XmlnsNamespace && !allowed.Contains(_reader.LocalName))
                {
                    outside = _reader.LocalName;
                    break;
                }
            }
            while (_reader.MoveToNextAttribute());

            _reader.MoveToElement();
            return outside;
        }

        /// <summary>The text of the current element and all its descendants, as XElement.Value gives it; leaves the document on its end.</summary>
        public string Text()
        {
            if (_reader.IsEmptyElement)
            {
                return string.Empty;
            }

            int depth = _reader.Depth;
            string? single = null;
            StringBuilder? joined = null;
            while (Read() && _reader.Depth > depth)
            {
                switch (_reader.NodeType)
                {
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (single == null)
                        {
                            single = _reader.Value;
                        }
                        else
                        {
                            joined ??= new StringBuilder(single);
                            joined.Append(_reader.Value);
                        }

                        break;
                }
            }

            return joined?.ToString() ?? single ?? string.Empty;
        }

        /// <summary>Reads the rest of the document, so an XML error anywhere in it is raised and every element is noted.</summary>
        public void ReadToEnd()
        {
            while (Read())
            {
            }
        }

        public void Dispose() => _reader.Dispose();

        private bool NextChild(int parentDepth)
        {
            while (Read())
            {
                int depth = _reader.Depth;
                if (depth <= parentDepth)
                {
                    return false;
                }

                if (depth == parentDepth + 1 && _reader.NodeType == XmlNodeType.Element)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Read()
        {
            if (!_reader.Read())
            {
                return false;
            }

            if (_reader.NodeType == XmlNodeType.Element && _reader.Depth > 0)
            {
                Note();
            }

            return true;
        }

        private void Note()
        {
            string name = _reader.LocalName;
            if (_reader.Depth == 1)
            {
                if (name == "entity")
                {
                    RootEntities++;
                }
                else
                {
                    FirstOtherRootChild ??= name;
                }
            }

            if (name == "filter" && _reader.NamespaceURI.Length == 0 && _reader.GetAttribute("hint") != null)
            {
                HintedFilters++;
            }
        }

        internal readonly struct ChildElements
        {
            private readonly FetchXmlDocument _document;
            private readonly int _depth;
            private readonly bool _empty;

            public ChildElements(FetchXmlDocument document, int depth, bool empty)
            {
                _document = document;
                _depth = depth;
                _empty = empty;
            }

            /// <summary>Moves to the next child element; false once the parent ends.</summary>
            public bool MoveNext() => !_empty && _document.NextChild(_depth);
        }
    }
}
