using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Tests.Model;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Languages
{
    /// <summary>
    /// Every text a user reads (the model's reasons, actions and labels; the command line's words) exists in
    /// English, German, Dutch, Danish and Finnish, with the placeholders English has.
    /// </summary>
    public class LanguageTests
    {
        private static readonly string[] Five = { "da", "de", "en", "fi", "nl" };

        private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ModelTexts() =>
            ReasonRenderer.Languages.ToDictionary(l => l, ReasonRenderer.OwnTexts);

        [Test]
        public void The_model_and_the_command_line_ship_the_five_languages()
        {
            Assert.Multiple(() =>
            {
                Assert.That(ReasonRenderer.Languages, Is.EquivalentTo(Five));
                Assert.That(UiText.Languages, Is.EquivalentTo(ReasonRenderer.Languages));
            });
        }

        [Test]
        public void Every_reason_action_and_label_exists_in_every_language_with_the_english_placeholders()
        {
            Assert.That(TextCatalogue.Problems(ModelTexts()), Is.Empty);
        }

        [Test]
        public void Every_word_of_the_command_line_exists_in_every_language_with_the_english_placeholders()
        {
            Assert.That(TextCatalogue.Problems(UiText.AllTexts), Is.Empty);
        }

        /// <summary>A spreadsheet, and a reader, tell accounts.csv's columns apart by their names: no language may name two alike.</summary>
        [TestCaseSource(nameof(Five))]
        public void Every_column_of_the_csv_has_a_name_of_its_own(string language)
        {
            var header = CsvExport.Header(new UiText(language));

            Assert.That(header.GroupBy(h => h, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty);
        }

        [Test]
        public void The_check_names_a_missing_text_an_extra_text_and_a_renamed_placeholder()
        {
            var broken = ModelTexts().ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, string>)l.Value.ToDictionary(t => t.Key, t => t.Value));
            var nl = (Dictionary<string, string>)broken["nl"];
            var fi = (Dictionary<string, string>)broken["fi"];
            var da = (Dictionary<string, string>)broken["da"];
            nl.Remove("GoalsCurrent");
            fi["CadenceKept"] = fi["CadenceKept"].Replace("{periods}", "{jaksot}");
            da["Band.Excellent"] = "Fremragende";

            Assert.That(TextCatalogue.Problems(broken), Is.EqualTo(new[]
            {
                "da: Band.Excellent is not an English text",
                "fi: CadenceKept has placeholders {cadence, covered, jaksot, touch}, English has {cadence, covered, periods, touch}",
                "nl: no text for GoalsCurrent",
            }));
        }

        [Test]
        public void A_plural_placeholder_counts_as_its_name()
        {
            Assert.That(TextCatalogue.Names("{count} {count|Person|Personen} {target}"), Is.EqualTo("count, target"));
        }

        [TestCase("de")]
        [TestCase("nl")]
        [TestCase("da")]
        [TestCase("fi")]
        public void The_sample_accounts_read_entirely_in_the_language_with_nothing_left_in_english(string language)
        {
            var scorer = new LoyaltyScorer(LoyaltyPolicy.Default);
            var english = new ReasonRenderer(CultureInfo.GetCultureInfo("en"));
            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(language));
            var assessments = new[] { Scenarios.Doughnuts(), Scenarios.FridayLunches(), Scenarios.MonthlyInPerson(), Scenarios.QuarterlyPhone(),
                Scenarios.BrandNew(), Scenarios.SingleThreaded(), Scenarios.PerksWithStrongValue() }
                .Select(a => scorer.Assess(a.Build(), AccountBuilder.AsOf)).ToList();

            var sentences = assessments.SelectMany(a => a.Reasons.Select(r => (English: english.Render(r), Text: renderer.Render(r)))
                .Concat(a.NextBestActions.Select(n => (English: english.Render(n), Text: renderer.Render(n))))).ToList();
            var labels = assessments.Select(a => (English: english.Label(a.Band), Text: renderer.Label(a.Band))).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(sentences, Has.Count.GreaterThan(20), "the samples give reasons and actions to read");
                Assert.That(sentences.Where(s => s.Text == s.English).Select(s => s.Text), Is.Empty, "sentences left in English");
                Assert.That(labels.Where(s => s.Text == s.English).Select(s => s.Text), Is.Empty, "bands left in English");
                Assert.That(sentences.Select(s => s.Text), Has.None.Contains("{").And.None.Contains("}"));
            });
        }

        [TestCase("nl", "Plan het afgesproken contact (elk kwartaal, telefonisch) voor de komende periodes in.")]
        [TestCase("da", "Planlæg den aftalte kontakt (kvartalsvis, telefonisk) for de kommende perioder.")]
        [TestCase("fi", "Suunnittele sovittu yhteydenpito (neljännesvuosittain, puhelimitse) tuleville jaksoille.")]
        public void Choice_parameters_read_as_words_of_the_language(string language, string expected)
        {
            var action = new NextBestAction(ActionCodes.MeetAgreedCadence, new[]
            {
                Parameter.Cadence(ParameterNames.Cadence, LoyaltyHealth.Model.Input.ServiceCadence.Quarterly),
                Parameter.Channel(ParameterNames.Channel, LoyaltyHealth.Model.Input.ServiceChannel.Phone),
            });

            Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo(language)).Render(action), Is.EqualTo(expected));
        }

        [TestCase("nl", 1, "Slechts 1 persoon bij de klant is betrokken; met 5 is de relatie breed.")]
        [TestCase("nl", 2, "Slechts 2 personen bij de klant zijn betrokken; met 5 is de relatie breed.")]
        [TestCase("da", 1, "Kun 1 person hos kunden er involveret; med 5 er relationen bred.")]
        [TestCase("da", 2, "Kun 2 personer hos kunden er involveret; med 5 er relationen bred.")]
        [TestCase("fi", 1, "Asiakkaalta on mukana vain 1 henkilö; laaja asiakassuhde syntyy 5 henkilöstä.")]
        [TestCase("fi", 2, "Asiakkaalta on mukana vain 2 henkilöä; laaja asiakassuhde syntyy 5 henkilöstä.")]
        public void Singular_and_plural_agree_with_the_count_in_each_language(string language, int count, string expected)
        {
            var reason = new Reason(ReasonCodes.FewContactsEngaged, -1m, new[] { Parameter.Count(ParameterNames.Count, count), Parameter.Count(ParameterNames.Target, 5) });

            Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo(language)).Render(reason), Is.EqualTo(expected));
        }

        [TestCase("fi")]
        [TestCase("nl")]
        [TestCase("da")]
        public void A_policy_may_ask_for_each_shipped_language(string language)
        {
            var policy = LoyaltyPolicy.Default;
            policy.Explanations.Language = language;

            Assert.That(PolicyValidator.Validate(policy), Is.Empty);
        }
    }
}
