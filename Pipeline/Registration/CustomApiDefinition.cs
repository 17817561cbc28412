namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>A Custom API of the solution: its message, the table it is bound to, and the plugin that implements it.</summary>
    public sealed record CustomApiDefinition(string UniqueName, string? BoundEntity, string PluginTypeName, string Source);
}
