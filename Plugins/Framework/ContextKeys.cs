namespace LoyaltyHealth.Plugins.Framework
{
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
