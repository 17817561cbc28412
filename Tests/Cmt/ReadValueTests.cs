using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using LoyaltyHealth.Cli.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Every value of data.xml is read through <see cref="RecordXml.ReadValue"/>, which stops at the first read that
    /// leaves room to spare instead of asking the reader once more. These hold System.Xml's reader to what that relies
    /// on: whatever the value's length, where it starts in the buffer and where its surrogate pairs and entities fall,
    /// the whole value is read, and nothing before it is touched.
    /// </summary>
    public class ReadValueTests
    {
        private const char Kept = '#';
        private const string Emoji = "\U0001F600";

        [Test]
        public void Values_of_every_length_are_read_whole_wherever_they_start()
        {
            foreach (var length in Enumerable.Range(0, 40).Append(5_000))
            {
                var value = new string(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)).ToArray());
                AssertReadWhole(value);
            }
        }

        [Test]
        public void A_surrogate_pair_is_read_whole_wherever_the_room_ends()
        {
            // The reader keeps back a high surrogate whose pair does not fit, and refuses a room of one for it.
            foreach (var before in Enumerable.Range(0, 12))
                AssertReadWhole(new string('x', before) + Emoji + "y" + Emoji + Emoji);
        }

        [Test]
        public void Entities_and_character_references_are_read_as_the_text_they_stand_for()
        {
            foreach (var before in Enumerable.Range(0, 12))
                AssertReadWhole(new string('x', before) + "a&b<c\"d" + Emoji + "é", escape: true);
        }

        [Test]
        public void A_value_longer_than_the_reader_buffer_is_read_whole()
        {
            var value = string.Concat(Enumerable.Repeat("Lunch & tickets " + Emoji + " ", 20_000));
            AssertReadWhole(value, escape: true);
        }

        private static void AssertReadWhole(string value, bool escape = false)
        {
            var written = escape
                ? value.Replace("&", "&amp;").Replace("<", "&lt;").Replace("\"", "&#34;").Replace(Emoji, "&#x1F600;")
                : value;
            foreach (var size in new[] { 1, 2, 3, 4, 5, 7, 8, 16 })
            {
                for (var at = 0; at <= size; at++)
                {
                    var buffer = Enumerable.Repeat(Kept, size).ToArray();
                    using var xml = ReaderOn($"<record><field value=\"{written}\" /></record>");

                    var end = RecordXml.ReadValue(xml, ref buffer, at);

                    var where = $"value of {value.Length} characters read into a buffer of {size} from {at}";
                    Assert.That(new string(buffer, at, end - at), Is.EqualTo(value), where);
                    Assert.That(buffer.Take(at), Is.All.EqualTo(Kept), where);
                }
            }
        }

        // As the export reader reads data.xml: UTF-8 bytes, its settings.
        private static XmlReader ReaderOn(string text)
        {
            var xml = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), CmtPackageReader.DataSettings());
            xml.ReadToFollowing("field");
            if (!xml.MoveToAttribute("value")) throw new InvalidOperationException("no value attribute");
            return xml;
        }
    }
}
