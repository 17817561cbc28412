using System;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.Model.Output;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>Every data warning reaches the trace log and the local tool's accounts as words: what was found and how it was taken.</summary>
    public class DataWarningTests
    {
        private static readonly Guid Record = new("9c000000-0000-0000-0000-000000000001");

        private static string[] Codes() => typeof(DataWarningCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

        [TestCaseSource(nameof(Codes))]
        public void Each_warning_says_what_was_found_and_how_it_was_taken(string code)
        {
            var words = new DataWarning(code, Record).Describe();

            Assert.Multiple(() =>
            {
                Assert.That(words, Does.Not.Contain(code), "words, not the code");
                Assert.That(words, Does.Contain(Record.ToString("D")).And.Contain("; "), "the record, then how the scorer took it");
            });
        }
    }
}
