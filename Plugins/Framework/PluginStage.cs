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

    /// <summary>Synchronous steps run inside the user's save; asynchronous ones after it, as system jobs.</summary>
    public enum ExecutionMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }

    public enum ImageType
    {
        PreImage = 0,
        PostImage = 1,
    }

    /// <summary>Message names the product's steps are registered on.</summary>
    public static class MessageNames
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
    }

    /// <summary>Keys of parameters and shared variables in an execution context.</summary>
    public static class ContextKeys
    {
        public const string Target = "Target";
        /// <summary>
        /// Dataverse puts a request's optional "tag" parameter into the shared variables of every
        /// plugin the request triggers; the product tags its own writes with it.
        /// </summary>
        public const string Tag = "tag";
    }
}
