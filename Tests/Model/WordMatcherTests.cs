using System.Linq;
using LoyaltyHealth.Model.Classification;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class WordMatcherTests
    {
        [TestCase(new[] { "*geschenk", "Weihnachtsgeschenk" }, "geschenk")]
        [TestCase(new[] { "Weihnachtsgeschenk", "*geschenk" }, "weihnachtsgeschenk")]
        public void Where_two_entries_match_at_one_word_the_one_listed_first_is_found(string[] entries, string expected)
        {
            Assert.That(new WordMatcher(entries).FirstMatch("Weihnachtsgeschenk für Anna"), Is.EqualTo(expected));
        }

        [Test]
        public void Every_match_is_found_in_the_order_of_the_words_then_of_the_entries()
        {
            var matcher = new WordMatcher(new[] { "golf", "*turnier", "golf turnier", "*geschenk", "anna" });

            var found = matcher.Find(TextNormalizer.Tokens("Golf Turnier, Golfturnier und Geschenk für Anna")).Select(m => (m.Start, string.Join(" ", m.Words)));

            Assert.That(found, Is.EqualTo(new[] { (0, "golf"), (0, "golf turnier"), (1, "turnier"), (2, "turnier"), (4, "geschenk"), (6, "anna") }));
        }
    }
}
