using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Plugins.Mapping;
using Newtonsoft.Json;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>
    /// The stored reason and action codes are the JSON Json.NET's serializer gives for the list of code, impact and
    /// parameters, also when the list is too long for the column and its weakest entries are dropped.
    /// </summary>
    public class AssessmentCodesJsonTests
    {
        private static Reason Reason(int i, int parameters) => new("code_" + i + "_\"quoted\"\n", i * -1.25m,
            Enumerable.Range(0, parameters).Select(p => new Parameter("name" + p + "é", ParameterKind.Money, p == 0 ? 3m : p * 1234.5678m - i)).ToList());

        private static string Serialized(IEnumerable<Reason> reasons) => JsonConvert.SerializeObject(reasons.Select(r => new Dictionary<string, object>
        {
            ["code"] = r.Code,
            ["impact"] = r.Impact,
            ["parameters"] = r.Parameters.ToDictionary(p => p.Name, p => (object)p.Value),
        }).ToList(), new JsonSerializerSettings { Culture = CultureInfo.InvariantCulture });

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(7)]
        public void Reasons_are_stored_as_the_serializer_writes_them(int count)
        {
            var reasons = Enumerable.Range(0, count).Select(i => Reason(i, i % 4)).ToList();

            Assert.That(AssessmentColumns.Codes(reasons), Is.EqualTo(Serialized(reasons)));
        }

        [Test]
        public void Actions_are_stored_as_the_serializer_writes_them()
        {
            var actions = new[] { new NextBestAction("review_goals", new[] { Parameter.Days("days", 42) }), new NextBestAction("call", new Parameter[0]) };
            var expected = JsonConvert.SerializeObject(actions.Select(a => new Dictionary<string, object>
            {
                ["code"] = a.Code,
                ["parameters"] = a.Parameters.ToDictionary(p => p.Name, p => (object)p.Value),
            }).ToList(), new JsonSerializerSettings { Culture = CultureInfo.InvariantCulture });

            Assert.That(AssessmentColumns.Codes(actions), Is.EqualTo(expected));
        }

        [Test]
        public void A_list_too_long_for_the_column_keeps_the_most_entries_that_fit()
        {
            var reasons = Enumerable.Range(0, 200).Select(i => Reason(i, 5)).ToList();
            var fitting = Enumerable.Range(0, reasons.Count + 1).Last(k => Serialized(reasons.Take(k)).Length <= AssessmentColumns.CodesLimit);

            var stored = AssessmentColumns.Codes(reasons);

            Assert.Multiple(() =>
            {
                Assert.That(fitting, Is.InRange(1, reasons.Count - 1));
                Assert.That(stored, Is.EqualTo(Serialized(reasons.Take(fitting))));
            });
        }

        [Test]
        public void A_single_entry_too_long_for_the_column_leaves_an_empty_list()
        {
            var reasons = new[] { Reason(1, 1000) };

            Assert.That(AssessmentColumns.Codes(reasons), Is.EqualTo("[]"));
        }
    }
}
