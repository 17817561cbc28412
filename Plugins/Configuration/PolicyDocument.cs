using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Plugins.Configuration
{
    /// <summary>A policy document as the environment variable held it (null: none, the built-in default) and its policy.</summary>
    public sealed class PolicyDocument
    {
        public PolicyDocument(string? json, LoyaltyPolicy policy)
        {
            Json = json;
            Policy = policy;
        }

        public string? Json { get; }
        public LoyaltyPolicy Policy { get; }
    }
}
