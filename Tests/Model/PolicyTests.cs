using System.Linq;
using LoyaltyHealth.Model.Policy;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class PolicyTests
    {
        private static string[] ProblemsOf(string json) =>
            PolicyLoader.TryLoad(json, out _).Select(p => p.ToString()).ToArray();

        [Test]
        public void Defaults_round_trip_through_json_unchanged()
        {
            var json = LoyaltyPolicy.Default.ToJson();

            var reloaded = PolicyLoader.Load(json);

            Assert.That(reloaded.ToJson(), Is.EqualTo(json));
        }

        [Test]
        public void Without_word_lists_the_defaults_fit_an_environment_variable_and_load_as_the_whole_default_policy()
        {
            var template = LoyaltyPolicy.Default.ToJsonWithoutWordLists();

            Assert.Multiple(() =>
            {
                Assert.That(template, Has.Length.LessThanOrEqualTo(2000));
                Assert.That(template, Does.Not.Contain("classification"));
                Assert.That(PolicyLoader.Load(template).ToJson(), Is.EqualTo(LoyaltyPolicy.Default.ToJson()));
            });
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        [TestCase("{}")]
        public void Empty_policy_means_the_defaults(string? json)
        {
            Assert.That(PolicyLoader.Load(json).ToJson(), Is.EqualTo(LoyaltyPolicy.Default.ToJson()));
        }

        [Test]
        public void Fields_left_out_keep_their_defaults()
        {
            var policy = PolicyLoader.Load("{ \"weights\": { \"service\": 0.5 }, \"perks\": { \"windowDays\": 180 } }");

            Assert.Multiple(() =>
            {
                Assert.That(policy.Weights.Service, Is.EqualTo(0.5m));
                Assert.That(policy.Weights.Understanding, Is.EqualTo(0.4m));
                Assert.That(policy.Perks.WindowDays, Is.EqualTo(180));
                Assert.That(policy.Perks.MinimumPerkTouches, Is.EqualTo(3));
                Assert.That(policy.Classification.PerkWords.De, Does.Contain("Mittagessen"));
            });
        }

        [Test]
        public void A_word_list_that_is_given_replaces_the_default_list_of_that_language_only()
        {
            var policy = PolicyLoader.Load("{ \"classification\": { \"perkWords\": { \"en\": [\"pizza\"] } } }");

            Assert.Multiple(() =>
            {
                Assert.That(policy.Classification.PerkWords.En, Is.EqualTo(new[] { "pizza" }));
                Assert.That(policy.Classification.PerkWords.Fi, Does.Contain("*lounas"));
            });
        }

        [Test]
        public void Unknown_field_is_named_with_its_path()
        {
            Assert.That(ProblemsOf("{ \"weights\": { \"understandng\": 0.5 } }"),
                Has.Exactly(1).StartsWith("$.weights.understandng: unknown field 'understandng' (known fields here: understanding, familiarity, service)"));
        }

        [Test]
        public void Weight_below_zero_is_rejected()
        {
            Assert.That(ProblemsOf("{ \"familiarity\": { \"weights\": { \"seniorityReach\": -0.1 } } }"),
                Is.EqualTo(new[] { "$.familiarity.weights.seniorityReach: a weight must not be below 0, is -0.1" }));
        }

        [Test]
        public void All_weights_of_a_group_at_zero_is_rejected()
        {
            Assert.That(ProblemsOf("{ \"weights\": { \"understanding\": 0, \"familiarity\": 0, \"service\": 0 } }"),
                Is.EqualTo(new[] { "$.weights: at least one weight must be above 0" }));
        }

        [Test]
        public void Window_of_zero_days_is_rejected()
        {
            Assert.That(ProblemsOf("{ \"perks\": { \"windowDays\": 0 } }"),
                Is.EqualTo(new[] { "$.perks.windowDays: a window must be at least 1 day, is 0" }));
        }

        [Test]
        public void Threshold_out_of_range_is_rejected()
        {
            Assert.That(ProblemsOf("{ \"bands\": { \"healthyFrom\": 120 }, \"perks\": { \"perkShareThreshold\": 1.5 } }"),
                Is.EqualTo(new[]
                {
                    "$.bands.healthyFrom: a score threshold must be between 0 and 100, is 120",
                    "$.perks.perkShareThreshold: a share must be above 0 and at most 1, is 1.5",
                }));
        }

        [Test]
        public void Inconsistent_thresholds_are_rejected()
        {
            Assert.That(ProblemsOf("{ \"bands\": { \"healthyFrom\": 40, \"watchFrom\": 60 }, \"understanding\": { \"goalsFreshDays\": 400, \"goalsStaleDays\": 300 } }"),
                Is.EqualTo(new[]
                {
                    "$.bands.watchFrom: must be below healthyFrom (40), is 60",
                    "$.understanding.goalsStaleDays: must be more than goalsFreshDays (400), is 300",
                }));
        }

        [Test]
        public void Wrong_types_are_named_with_path_and_position()
        {
            var problems = ProblemsOf("{\n  \"windowDays\": \"a year\",\n  \"followUps\": { \"enabled\": \"yes\" },\n  \"trend\": { \"changePoints\": 2.5 }\n}");

            Assert.That(problems, Is.EqualTo(new[]
            {
                "$.windowDays: expected a whole number, found the text \"a year\" (line 2, position 24)",
                "$.followUps.enabled: expected true or false, found the text \"yes\" (line 3, position 33)",
                "$.trend.changePoints: expected a whole number, found the number 2.5 (line 4, position 32)",
            }));
        }

        [Test]
        public void Null_and_bad_list_entries_are_reported()
        {
            var problems = ProblemsOf("{ \"weights\": null, \"classification\": { \"perkWords\": { \"de\": [\"Geschenk\", 7, \"  \", \"geschenk\"] } } }");

            Assert.That(problems, Has.Length.EqualTo(2));
            Assert.That(problems[0], Does.StartWith("$.weights: must not be null"));
            Assert.That(problems[1], Does.StartWith("$.classification.perkWords.de[1]: expected a word, found the number 7"));
        }

        [Test]
        public void Empty_and_duplicate_words_are_reported_after_the_shape_is_right()
        {
            Assert.That(ProblemsOf("{ \"classification\": { \"valueWords\": { \"nl\": [\"inzicht\", \" \", \"Inzicht\", \"--\"] } } }"),
                Is.EqualTo(new[]
                {
                    "$.classification.valueWords.nl[1]: a word must not be empty",
                    "$.classification.valueWords.nl[2]: 'Inzicht' is listed twice",
                    "$.classification.valueWords.nl[3]: '--' has no letters or digits to match",
                }));
        }

        [Test]
        public void A_language_without_texts_is_rejected()
        {
            Assert.That(ProblemsOf("{ \"explanations\": { \"language\": \"xx\" } }"),
                Is.EqualTo(new[] { "$.explanations.language: no texts ship for 'xx'; available: da, de, en, fi, nl" }));
        }

        [Test]
        public void Every_problem_is_reported_not_just_the_first()
        {
            var problems = ProblemsOf("{ \"windowDays\": -3, \"evidence\": { \"minimumKnownPillars\": 5 }, \"service\": { \"otherChannelCredit\": 2 } }");

            Assert.That(problems, Has.Length.EqualTo(3), string.Join("\n", problems));
        }

        // The trust issue: these passed validation and then overflowed a date or a decimal in every recalculation.
        [TestCase("{ \"windowDays\": 1000000 }", "$.windowDays: a window must be at most 3650 days (ten years), is 1000000")]
        [TestCase("{ \"perks\": { \"windowDays\": 2147483647 } }", "$.perks.windowDays: a window must be at most 3650 days (ten years), is 2147483647")]
        [TestCase("{ \"service\": { \"adherencePeriods\": 2147483647 } }", "$.service.adherencePeriods: must be between 1 and 60, is 2147483647")]
        [TestCase("{ \"weights\": { \"service\": 79000000000000000000000000000 } }", "$.weights.service: a weight must be at most 1000 (weights are relative), is 79000000000000000000000000000")]
        [TestCase("{ \"evidence\": { \"newAccountDays\": 2147483647 } }", "$.evidence.newAccountDays: must be between 0 and 3650, is 2147483647")]
        [TestCase("{ \"trend\": { \"minimumDaysBetween\": 99999999 } }", "$.trend.minimumDaysBetween: must be between 0 and 3650, is 99999999")]
        [TestCase("{ \"perks\": { \"strongValueMultiple\": 1e20 } }", "$.perks.strongValueMultiple: must be at most 1000000, is 100000000000000000000")]
        [TestCase("{ \"familiarity\": { \"broadContacts\": 2147483647 } }", "$.familiarity.broadContacts: must be between 1 and 10000, is 2147483647")]
        [TestCase("{ \"explanations\": { \"minimumImpact\": 1e9 } }", "$.explanations.minimumImpact: an impact in points must be between 0 and 100, is 1000000000")]
        public void Every_number_has_an_upper_bound_with_a_precise_message(string json, string expected)
        {
            Assert.That(ProblemsOf(json), Is.EqualTo(new[] { expected }));
        }

        [Test]
        public void The_largest_values_the_bounds_allow_still_score()
        {
            var policy = PolicyLoader.Load("{ \"windowDays\": 3650, \"service\": { \"adherencePeriods\": 60 }, \"perks\": { \"windowDays\": 3650 }, "
                + "\"weights\": { \"understanding\": 1000, \"familiarity\": 1000, \"service\": 1000 } }");
            var now = new System.DateTime(2026, 6, 30, 12, 0, 0, System.DateTimeKind.Utc);

            foreach (var cadence in System.Enum.GetValues(typeof(LoyaltyHealth.Model.Input.ServiceCadence)).Cast<LoyaltyHealth.Model.Input.ServiceCadence?>().Append(null))
            {
                var since = now.AddDays(-LoyaltyHealth.Model.Scoring.ScoringHorizon.Days(policy, cadence));
                Assert.That(since.Year, Is.GreaterThan(1900), cadence?.ToString() ?? "no cadence");
            }
        }

        [Test]
        public void Shape_and_value_problems_are_reported_together()
        {
            var problems = PolicyValidator.ValidateDocument("{ \"windowDays\": \"a year\", \"perks\": { \"windowDays\": 0 }, \"colour\": 1, "
                + "\"classification\": { \"perkWords\": { \"de\": [7] } }, \"service\": { \"otherChannelCredit\": 2 } }").Select(p => p.ToString()).ToArray();

            Assert.That(problems.Select(p => p.Substring(0, p.IndexOf(':'))), Is.EquivalentTo(new[]
            {
                "$.windowDays", "$.colour", "$.classification.perkWords.de[0]", "$.perks.windowDays", "$.service.otherChannelCredit",
            }), string.Join("\n", problems));
        }

        [Test]
        public void Malformed_json_names_the_position()
        {
            Assert.That(ProblemsOf("{ \"weights\": { \"service\": 0.5, } "),
                Has.Exactly(1).Matches<string>(p => p!.StartsWith("$") && p.Contains("not valid JSON") && p.Contains("line 1")));
        }

        [Test]
        public void A_policy_that_is_not_an_object_is_rejected()
        {
            Assert.That(ProblemsOf("[1, 2]"), Is.EqualTo(new[] { "$: the policy must be a JSON object, found a list" }));
        }

        [Test]
        public void An_invalid_policy_is_never_handed_out()
        {
            var problems = PolicyLoader.TryLoad("{ \"windowDays\": 200, \"perks\": { \"windowDays\": 0 } }", out var policy);

            Assert.Multiple(() =>
            {
                Assert.That(policy, Is.Null, "nothing of an invalid document is applied");
                Assert.That(problems, Has.Count.EqualTo(1));
                var thrown = Assert.Throws<PolicyException>(() => PolicyLoader.Load("{ \"perks\": { \"windowDays\": 0 } }"));
                Assert.That(thrown!.Message, Does.Contain("$.perks.windowDays"));
            });
        }

        [Test]
        public void The_scorer_refuses_an_invalid_policy_object()
        {
            var policy = LoyaltyPolicy.Default;
            policy.Trend.ChangePoints = 0;

            var thrown = Assert.Throws<PolicyException>(() => new LoyaltyHealth.Model.Scoring.LoyaltyScorer(policy));

            Assert.That(thrown!.Problems.Single().Path, Is.EqualTo("$.trend.changePoints"));
        }
    }
}
