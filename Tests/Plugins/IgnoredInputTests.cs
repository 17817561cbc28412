using System;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Plugins.Health;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>
    /// What the recalculation ignored reaches the trace log as words (the record, what it held, how it was taken), and the
    /// local tool reads those words back to say them in the report's language: every kind must survive the round trip.
    /// </summary>
    public class IgnoredInputTests
    {
        private static readonly Guid Record = new("9c000000-0000-0000-0000-000000000001");

        private static string[] Kinds() => IgnoredInput.English.Keys.ToArray();

        private static string[] WarningCodes() => typeof(DataWarningCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

        [TestCaseSource(nameof(Kinds))]
        public void Each_kind_says_the_record_in_words_and_reads_back_as_itself(string kind)
        {
            var ignored = new IgnoredInput(kind, Record, "loy_contract; a value with words");
            var words = ignored.Describe();

            var read = IgnoredInput.TryRead(words, out var back);

            Assert.Multiple(() =>
            {
                Assert.That(words, Does.Not.Contain(kind), "words, not the code");
                Assert.That(words, Does.Contain(Record.ToString("D")));
                Assert.That(words, Does.Not.Contain("{"), "every placeholder filled");
                Assert.That(read, Is.True, words);
                Assert.That(back!.Kind, Is.EqualTo(kind));
                Assert.That(back.Record, Is.EqualTo(Record));
                if (IgnoredInput.English[kind].Contains("{value}")) Assert.That(back.Value, Is.EqualTo("loy_contract; a value with words"));
            });
        }

        [TestCaseSource(nameof(WarningCodes))]
        public void Each_warning_of_the_model_has_words(string code)
        {
            Assert.That(IgnoredInput.Of(new DataWarning(code, Record)).Describe(), Does.Contain(Record.ToString("D")).And.Contain("; "));
        }

        [Test]
        public void Words_no_kind_wrote_are_not_read_as_one()
        {
            Assert.Multiple(() =>
            {
                Assert.That(IgnoredInput.TryRead("activity 9c000000-0000-0000-0000-000000000001: something else entirely", out _), Is.False);
                Assert.That(IgnoredInput.TryRead("activity not-an-id: completed after the moment scored; not counted", out _), Is.False);
            });
        }
    }
}
