using System;
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
    /// fields of its own, of each element it wraps (the form other writers use). Element and attribute names are
    /// compared as the reader's atomised strings, by reference. A field's name and table are kept as text, as its value
    /// is: they are made strings on the thread that reads the values (<see cref="CmtPackageReader.Read(ParsedRecord, IRecordValues)"/>),
    /// which finds the field's schema by that text, so that the parsing thread, the slower of the two, does no more than read.
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
                if (Is(_field)) record.Fields.Add(Field(record));
                else _xml.Skip();
            }
        }

        private ParsedField Field(ParsedRecord record)
        {
            Attributes(record, out var name, out var value, out var lookupEntity);
            var parties = record.Parties;
            var first = parties.Count;
            if (Enter())
            {
                while (NextChild())
                {
                    if (Is(_holder)) Holder(record);
                    else _xml.Skip();
                }
            }
            return new ParsedField(name, value, lookupEntity, new PartyRange(first, parties.Count - first));
        }

        /// <summary>
        /// One <c>&lt;activitypointerrecords&gt;</c>: a single party when it holds fields (the Configuration
        /// Migration form), else one party per element it wraps.
        /// </summary>
        private void Holder(ParsedRecord record)
        {
            var parties = record.Parties;
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
                        var party = PartyField(record);
                        own ??= party;
                    }
                    else parties.Add(Wrapped(record));
                }
            }
            if (!holdsFields) return;
            parties.RemoveRange(wrappedFrom, parties.Count - wrappedFrom);
            parties.Add(own ?? ParsedParty.None);
        }

        private ParsedParty Wrapped(ParsedRecord record)
        {
            ParsedParty? found = null;
            if (Enter())
            {
                while (NextChild())
                {
                    if (found is null && Is(_field)) found = PartyField(record);
                    else _xml.Skip();
                }
            }
            return found ?? ParsedParty.None;
        }

        /// <summary>A field of a party, read and passed: its value and table when it is the partyid.</summary>
        private ParsedParty? PartyField(ParsedRecord record)
        {
            Attributes(record, out var name, out var value, out var lookupEntity);
            _xml.Skip();
            return !name.IsAbsent && record.Text(name).SequenceEqual(ActivityPartySchema.PartyId) ? new ParsedParty(value, lookupEntity) : null;
        }

        /// <summary>The field's attributes, their text read into the record's.</summary>
        private void Attributes(ParsedRecord record, out ParsedText name, out ParsedText value, out ParsedText lookupEntity)
        {
            name = value = lookupEntity = ParsedText.Absent;
            if (!_xml.MoveToFirstAttribute()) return;
            do
            {
                if (_xml.NamespaceURI.Length != 0) continue;
                var local = _xml.LocalName;
                if ((object)local == _name) name = record.Append(_xml);
                else if ((object)local == _value) value = record.Append(_xml);
                else if ((object)local == _lookupEntity) lookupEntity = record.Append(_xml);
            }
            while (_xml.MoveToNextAttribute());
            _xml.MoveToElement();
        }

        /// <summary>
        /// Reads the value of the attribute the reader stands on into <paramref name="buffer"/> from <paramref name="at"/>,
        /// growing it as needed, with no string; gives where the value ends.
        /// </summary>
        /// <remarks>
        /// System.Xml's reader holds an attribute's whole value once it stands on the attribute and copies all of it that
        /// fits, keeping back only a high surrogate whose pair would not fit; it refuses a room of one for that surrogate,
        /// so the room is always at least two. A read that leaves two places free has therefore reached the end, and the
        /// further call that would return 0 is not made: that call cost 8 to 13 % of the XML floor (docs/performance-log.md, "One read per value").
        /// ReadValueTests holds the reader to this, with values of every length around the room given.
        /// </remarks>
        public static int ReadValue(XmlReader xml, ref char[] buffer, int at)
        {
            while (true)
            {
                if (buffer.Length - at < 2) Array.Resize(ref buffer, Math.Max(2 * buffer.Length, at + 2));
                var room = buffer.Length - at;
                var read = xml.ReadValueChunk(buffer, at, room);
                at += read;
                if (read == 0 || read < room - 1) return at;
            }
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
