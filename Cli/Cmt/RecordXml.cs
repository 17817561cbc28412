using System.Collections.Generic;
using System.Xml;
using LoyaltyHealth.Plugins.Schema;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// Reads one <c>&lt;record&gt;</c> of data.xml straight from the <see cref="XmlReader"/> into a
    /// <see cref="ParsedRecord"/>, building no tree: a tree per record cost more than the XML parsing itself.
    /// It keeps what the reader of values uses, as an XML tree of the record would give it: the
    /// <c>&lt;field&gt;</c> children in no namespace with their name, value and lookupentity attributes, and per
    /// <c>&lt;activitypointerrecords&gt;</c> child the partyid field of the holder or, when the holder has no
    /// fields of its own, of each element it wraps (the form other writers use). Names are compared as the
    /// reader's atomised strings, by reference.
    /// </summary>
    internal sealed class RecordXml
    {
        private readonly XmlReader _xml;
        private readonly string _field;
        private readonly string _holder;
        private readonly string _name;
        private readonly string _value;
        private readonly string _lookupEntity;

        public RecordXml(XmlReader xml)
        {
            _xml = xml;
            var names = xml.NameTable;
            _field = names.Add("field");
            _holder = names.Add("activitypointerrecords");
            _name = names.Add("name");
            _value = names.Add("value");
            _lookupEntity = names.Add("lookupentity");
        }

        /// <summary>Reads the record element the reader stands on, and leaves the reader on the node after it.</summary>
        public void Read(ParsedRecord record)
        {
            if (!Enter()) return;
            while (NextChild())
            {
                if (Is(_field)) record.Fields.Add(Field());
                else _xml.Skip();
            }
        }

        private ParsedField Field()
        {
            Attributes(out var name, out var value, out var lookupEntity);
            List<ParsedParty>? parties = null;
            if (Enter())
            {
                while (NextChild())
                {
                    if (Is(_holder)) Holder(parties ??= new List<ParsedParty>());
                    else _xml.Skip();
                }
            }
            return new ParsedField(name, value, lookupEntity, parties);
        }

        /// <summary>
        /// One <c>&lt;activitypointerrecords&gt;</c>: a single party when it holds fields (the Configuration
        /// Migration form), else one party per element it wraps.
        /// </summary>
        private void Holder(List<ParsedParty> parties)
        {
            var wrappedFrom = parties.Count;
            var holdsFields = false;
            ParsedParty? own = null;
            if (Enter())
            {
                while (NextChild())
                {
                    if (Is(_field))
                    {
                        holdsFields = true;
                        var party = PartyField();
                        own ??= party;
                    }
                    else parties.Add(Wrapped());
                }
            }
            if (!holdsFields) return;
            parties.RemoveRange(wrappedFrom, parties.Count - wrappedFrom);
            parties.Add(own ?? default);
        }

        private ParsedParty Wrapped()
        {
            ParsedParty? found = null;
            if (Enter())
            {
                while (NextChild())
                {
                    if (found is null && Is(_field)) found = PartyField();
                    else _xml.Skip();
                }
            }
            return found ?? default;
        }

        /// <summary>A field of a party, read and passed: its value and table when it is the partyid.</summary>
        private ParsedParty? PartyField()
        {
            Attributes(out var name, out var value, out var lookupEntity);
            _xml.Skip();
            return name == ActivityPartySchema.PartyId ? new ParsedParty(value, lookupEntity) : null;
        }

        private void Attributes(out string? name, out string? value, out string? lookupEntity)
        {
            name = value = lookupEntity = null;
            if (!_xml.MoveToFirstAttribute()) return;
            do
            {
                if (_xml.NamespaceURI.Length != 0) continue;
                var local = _xml.LocalName;
                if ((object)local == _name) name = _xml.Value;
                else if ((object)local == _value) value = _xml.Value;
                else if ((object)local == _lookupEntity) lookupEntity = _xml.Value;
            }
            while (_xml.MoveToNextAttribute());
            _xml.MoveToElement();
        }

        private bool Is(string atomisedName) => (object)_xml.LocalName == atomisedName && _xml.NamespaceURI.Length == 0;

        /// <summary>Moves from a start element into its content; false, and past the element, when it is empty.</summary>
        private bool Enter()
        {
            var empty = _xml.IsEmptyElement;
            _xml.Read();
            return !empty;
        }

        /// <summary>Moves to the next child element of the element entered; at its end, moves past it and gives false.</summary>
        private bool NextChild()
        {
            while (true)
            {
                switch (_xml.NodeType)
                {
                    case XmlNodeType.Element:
                        return true;
                    case XmlNodeType.EndElement:
                        _xml.Read();
                        return false;
                    case XmlNodeType.None:
                        // The end of the input inside a record: the reader reports a truncated file as malformed XML before this.
                        return false;
                    default:
                        _xml.Read();
                        break;
                }
            }
        }
    }
}
