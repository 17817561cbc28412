using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Pack;
using LoyaltyHealth.Plugins.Schema;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>The policy variable: a JSON environment variable whose default is the model's default policy.</summary>
    public class EnvironmentVariableTests
    {
        private const string File = SolutionLayout.EnvironmentVariables + "/" + EnvironmentVariableSchema.PolicySchemaName + "/" + SolutionLayout.EnvironmentVariableFile;
        private const string Json = "100000003";

        [Test]
        public void The_policy_variable_has_the_documented_shape_and_is_json()
        {
            var root = SolutionSource.Xml(File);
            Assert.Multiple(() =>
            {
                Assert.That(DocumentedShape.EnvironmentVariable.Problems(File, root), Is.Empty);
                Assert.That((string?)root.Attribute("schemaname"), Is.EqualTo(EnvironmentVariableSchema.PolicySchemaName), $"{File}: schemaname");
                Assert.That(root.Element("type")?.Value, Is.EqualTo(Json), $"{File}: <type> must be JSON ({Json})");
                Assert.That(root.Element("displayname")?.Attribute("default")?.Value?.Length, Is.LessThanOrEqualTo(100), $"{File}: displayname holds at most 100 characters");
            });
        }

        [Test]
        public void The_default_value_is_the_models_default_policy_and_fits_the_column()
        {
            var stored = SolutionSource.Xml(File).Element("defaultvalue")!.Value.Replace("\r\n", "\n");

            Assert.Multiple(() =>
            {
                Assert.That(stored, Is.EqualTo(LoyaltyPolicy.Default.ToJsonWithoutWordLists().Replace("\r\n", "\n")),
                    $"{File}: <defaultvalue> must be LoyaltyPolicy.Default.ToJsonWithoutWordLists(); paste the current default when the model's defaults change");
                Assert.That(stored, Has.Length.LessThanOrEqualTo(2000), $"{File}: <defaultvalue> holds at most 2,000 characters");
                Assert.That(PolicyLoader.Load(stored).ToJson(), Is.EqualTo(LoyaltyPolicy.Default.ToJson()), $"{File}: <defaultvalue> must load as the whole default policy");
            });
        }

        [Test]
        public void The_default_value_loads_without_problems()
        {
            var problems = PolicyLoader.TryLoad(SolutionSource.Xml(File).Element("defaultvalue")!.Value, out var policy);

            Assert.Multiple(() =>
            {
                Assert.That(problems, Is.Empty, $"{File}: <defaultvalue>");
                Assert.That(policy, Is.Not.Null);
            });
        }
    }
}
