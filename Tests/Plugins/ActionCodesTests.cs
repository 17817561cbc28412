using System.Globalization;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>
    /// The next best actions are stored as codes with parameters beside their English text, so the
    /// health card can show them in the reader's language (loy_nextbestactioncodes, read by Controls/HealthCard).
    /// </summary>
    public class ActionCodesTests
    {
        private static readonly Assessment WithActions = new()
        {
            NextBestActions = new[]
            {
                new NextBestAction("MeetAgreedCadence", new[] { Parameter.Cadence("cadence", ServiceCadence.Monthly), Parameter.Channel("channel", ServiceChannel.InPerson) }),
                new NextBestAction("ReviewGoalsAndNeeds", new Parameter[0]),
            },
        };

        [Test]
        public void The_actions_are_stored_as_codes_with_parameters_in_their_order_beside_the_english_text()
        {
            var values = AssessmentColumns.Values(WithActions, new ReasonRenderer(CultureInfo.GetCultureInfo("en")));
            Assert.Multiple(() =>
            {
                Assert.That(values[AccountSchema.ActionCodes],
                    Is.EqualTo("[{\"code\":\"MeetAgreedCadence\",\"parameters\":{\"cadence\":2.0,\"channel\":1.0}},{\"code\":\"ReviewGoalsAndNeeds\",\"parameters\":{}}]"));
                Assert.That(values[AccountSchema.NextBestActions], Does.StartWith("• Plan the agreed monthly touch (in person)"));
            });
        }

        [Test]
        public void No_actions_are_stored_as_an_empty_list()
        {
            var values = AssessmentColumns.Values(new Assessment(), new ReasonRenderer(CultureInfo.GetCultureInfo("en")));
            Assert.That(values[AccountSchema.ActionCodes], Is.EqualTo("[]"));
        }
    }
}
