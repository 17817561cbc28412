namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Pipeline stages a step can be registered in (values as Dataverse stores them).</summary>
    public enum PluginStage
    {
        PreValidation = 10,
        PreOperation = 20,
        /// <summary>Where a Custom API's own plugin runs.</summary>
        MainOperation = 30,
        PostOperation = 40,
    }
}
