using System.Globalization;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class RendererTests
    {
        private static readonly string[] ReasonCodeValues = Constants(typeof(ReasonCodes));
        private static readonly string[] ActionCodeValues = Constants(typeof(ActionCodes));

        private static string[] Constants(System.Type type) =>
            type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

        [Test]
        public void Every_reason_action_and_label_has_its_own_text_in_every_shipped_language()
        {
            var keys = ReasonCodeValues
                .Concat(ActionCodeValues.Select(a => "Action." + a))
                .Concat(System.Enum.GetNames(typeof(HealthBand)).Select(n => "Band." + n))
                .Concat(System.Enum.GetNames(typeof(Trend)).Select(n => "Trend." + n))
                .Concat(System.Enum.GetNames(typeof(Pillar)).Select(n => "Pillar." + n))
                .Concat(System.Enum.GetNames(typeof(Transition)).Select(n => "Transition." + n))
                .Concat(System.Enum.GetNames(typeof(ServiceCadence)).Select(n => "Cadence." + n))
                .Concat(System.Enum.GetNames(typeof(ServiceChannel)).Select(n => "Channel." + n))
                .Concat(System.Enum.GetNames(typeof(ServiceChannel)).Select(n => "Touch." + n))
                .Concat(System.Enum.GetNames(typeof(SellerInput)).Select(n => "Input." + n))
                .Concat(Constants(typeof(MeasureCodes)).Select(m => "Measure." + m))
                .ToList();

            var missing = ReasonRenderer.Languages.SelectMany(l => keys.Where(k => !ReasonRenderer.HasOwnText(l, k)).Select(k => l + ":" + k)).ToList();

            Assert.That(missing, Is.Empty);
        }

        [Test]
        public void A_reason_renders_with_its_parameters_in_english()
        {
            var reason = new Reason(ReasonCodes.GoalsReviewOverdue, -3m, new[] { Parameter.Days(ParameterNames.Days, 1100), Parameter.Days(ParameterNames.RequiredDays, 180) });

            Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo("en-GB")).Render(reason),
                Is.EqualTo("The customer's goals were last reviewed 1,100 days ago; they should be reviewed every 180 days."));
        }

        [Test]
        public void A_reason_renders_in_german_with_german_number_formats()
        {
            var reason = new Reason(ReasonCodes.PerkDependent, 0m, new[]
            {
                Parameter.Count(ParameterNames.PerkTouches, 13), Parameter.Count(ParameterNames.ValueTouches, 1),
                Parameter.Percent(ParameterNames.Share, 0.9286m), Parameter.Money(ParameterNames.PerkSpend, 1040m),
                Parameter.Money(ParameterNames.DeliveredValue, 0m),
            });

            var text = new ReasonRenderer(CultureInfo.GetCultureInfo("de-DE")).Render(reason);

            // ICU versions differ in which no-break space they put before the percent sign.
            Assert.That(System.Text.RegularExpressions.Regex.Replace(text, @"\p{Zs}", " "),
                Is.EqualTo("Die Beziehung beruht auf Gefälligkeiten: 13 Gefälligkeiten gegenüber 1 Wertkontakt (93 % Gefälligkeiten), 1.040 für Gefälligkeiten gegenüber 0 berichtetem Wert mit Geldbetrag."));
        }

        [Test]
        public void Choice_parameters_are_rendered_as_words_of_the_language()
        {
            var action = new NextBestAction(ActionCodes.MeetAgreedCadence, new[]
            {
                Parameter.Cadence(ParameterNames.Cadence, ServiceCadence.Quarterly), Parameter.Channel(ParameterNames.Channel, ServiceChannel.Phone),
            });

            Assert.Multiple(() =>
            {
                Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo("en")).Render(action), Is.EqualTo("Plan the agreed quarterly touch (by phone) for the coming periods."));
                Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo("de-AT")).Render(action), Is.EqualTo("Planen Sie den vereinbarten vierteljährlichen Kontakt (per Telefon) für die kommenden Zeiträume."));
            });
        }

        [Test]
        public void Singular_and_plural_agree_with_the_count()
        {
            var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo("en"));
            Reason Few(int n) => new(ReasonCodes.FewContactsEngaged, -1m, new[] { Parameter.Count(ParameterNames.Count, n), Parameter.Count(ParameterNames.Target, 5) });

            Assert.Multiple(() =>
            {
                Assert.That(renderer.Render(Few(1)), Is.EqualTo("Only 1 person at the customer is engaged; 5 make a broad relationship."));
                Assert.That(renderer.Render(Few(2)), Is.EqualTo("Only 2 people at the customer are engaged; 5 make a broad relationship."));
            });
        }

        [Test]
        public void A_language_without_texts_falls_back_to_english()
        {
            Assert.That(new ReasonRenderer(CultureInfo.GetCultureInfo("sv-SE")).Label(HealthBand.AtRisk), Is.EqualTo("At risk"));
        }

        [Test]
        public void Labels_are_translated()
        {
            var de = new ReasonRenderer(CultureInfo.GetCultureInfo("de"));

            Assert.Multiple(() =>
            {
                Assert.That(de.Label(HealthBand.AtRisk), Is.EqualTo("Gefährdet"));
                Assert.That(de.Label(Trend.Declining), Is.EqualTo("Fallend"));
                Assert.That(de.Label(Pillar.Familiarity), Is.EqualTo("Vertrautheit"));
            });
        }

        [Test]
        public void Every_reason_of_every_scenario_renders_without_leftover_placeholders()
        {
            var scorer = new LoyaltyHealth.Model.Scoring.LoyaltyScorer(LoyaltyHealth.Model.Policy.LoyaltyPolicy.Default);
            var accounts = new[] { Scenarios.Doughnuts(), Scenarios.FridayLunches(), Scenarios.MonthlyInPerson(), Scenarios.QuarterlyPhone(),
                Scenarios.BrandNew(), Scenarios.SingleThreaded(), Scenarios.PerksWithStrongValue() };

            foreach (var language in ReasonRenderer.Languages)
            {
                var renderer = new ReasonRenderer(CultureInfo.GetCultureInfo(language));
                foreach (var account in accounts)
                {
                    var a = scorer.Assess(account.Build(), AccountBuilder.AsOf);
                    var texts = a.Reasons.Select(renderer.Render).Concat(a.NextBestActions.Select(renderer.Render)).ToList();
                    Assert.That(texts, Has.None.Contains("{").And.None.Contains("}"), language);
                }
            }
        }
    }
}
