using LoyaltyHealth.Model.Classification;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Policy;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class ClassifierTests
    {
        private static readonly InteractionClassifier Classifier = new(new ClassificationPolicy());

        private static InteractionClass Meeting(string subject) =>
            Classifier.Classify(new Interaction { Kind = InteractionKind.Meeting, Subject = subject, State = InteractionState.Completed });

        [TestCase("Lunch with Anna")]
        [TestCase("Tickets for Saturday's game")]
        [TestCase("Gift basket for the team")]
        [TestCase("Mittagessen mit Herrn Maier")]
        [TestCase("Weihnachtsgeschenk")]
        [TestCase("Präsentkorb an die Buchhaltung")]
        [TestCase("PRASENTKORB")]
        [TestCase("Etentje met Jan")]
        [TestCase("Frokost med indkøbschefen")]
        [TestCase("Lounas Matin kanssa")]
        [TestCase("lounas, kahvi ja kakku")]
        public void Perk_like_subjects_are_recognised_in_five_languages_ignoring_case_and_accents(string subject)
        {
            Assert.That(Meeting(subject), Is.EqualTo(InteractionClass.Perk));
        }

        [TestCase("Lunchroom refurbishment plan")]
        [TestCase("Giftig stof: veiligheidsinstructie")]
        [TestCase("Ticketing system migration")]
        [TestCase("Quarterly planning")]
        public void Perk_words_match_only_as_whole_words(string subject)
        {
            Assert.That(Meeting(subject), Is.EqualTo(InteractionClass.Service));
        }

        [TestCase("Improvement proposal: cross-docking")]
        [TestCase("Verbesserungsvorschlag Linie 3")]
        [TestCase("Business review Q3")]
        [TestCase("Työpaja: prosessin optimointi")]
        public void Insight_and_improvement_subjects_are_value(string subject)
        {
            Assert.That(Meeting(subject), Is.EqualTo(InteractionClass.Value));
        }

        [Test]
        public void Perk_words_win_over_value_words()
        {
            Assert.That(Meeting("Business review over lunch"), Is.EqualTo(InteractionClass.Perk));
        }

        [Test]
        public void Explicit_kinds_win_over_the_subject()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Classifier.Classify(new Interaction { Kind = InteractionKind.ValueReport, Subject = "Lunch and savings report" }), Is.EqualTo(InteractionClass.Value));
                Assert.That(Classifier.Classify(new Interaction { Kind = InteractionKind.Perk, Subject = "Business review" }), Is.EqualTo(InteractionClass.Perk));
            });
        }

        [Test]
        public void A_logged_classification_wins_over_everything()
        {
            var lunchThatWasAWorkshop = new Interaction { Kind = InteractionKind.Meeting, Subject = "Lunch & learn: energy savings", LoggedClass = InteractionClass.Value };

            Assert.That(Classifier.Classify(lunchThatWasAWorkshop), Is.EqualTo(InteractionClass.Value));
        }

        [TestCase(InteractionKind.Email, InteractionClass.Service)]
        [TestCase(InteractionKind.PhoneCall, InteractionClass.Service)]
        [TestCase(InteractionKind.Task, InteractionClass.Neutral)]
        [TestCase(InteractionKind.Other, InteractionClass.Neutral)]
        public void Subjects_without_signal_fall_back_to_the_kind(InteractionKind kind, InteractionClass expected)
        {
            Assert.That(Classifier.Classify(new Interaction { Kind = kind, Subject = "Follow-up" }), Is.EqualTo(expected));
        }

        [Test]
        public void Word_lists_come_from_the_policy()
        {
            var policy = PolicyLoader.Load("{ \"classification\": { \"perkWords\": { \"other\": [\"fika\"] } } }");
            var classifier = new InteractionClassifier(policy.Classification);

            Assert.That(classifier.Classify(new Interaction { Kind = InteractionKind.Meeting, Subject = "Fika med teamet" }), Is.EqualTo(InteractionClass.Perk));
        }

        [Test]
        public void Missing_and_huge_subjects_are_handled()
        {
            var huge = string.Concat(System.Linq.Enumerable.Repeat("quarterly planning ", 20000)) + "tickets";

            Assert.Multiple(() =>
            {
                Assert.That(Meeting(null!), Is.EqualTo(InteractionClass.Service));
                Assert.That(Meeting(huge), Is.EqualTo(InteractionClass.Perk));
            });
        }
    }
}
