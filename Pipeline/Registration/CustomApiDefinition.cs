namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// A Custom API of the solution: its message, the table it is bound to, and the plugin that implements
    /// it, named by a plugin package's export key (resolved into <see cref="PluginTypeName"/> when the
    /// registrations are bound) or by a plain assembly's type.
    /// </summary>
    public sealed record CustomApiDefinition(string UniqueName, string? BoundEntity, string PluginTypeName, string Source)
    {
        public string? PluginTypeExportKey { get; init; }

        /// <summary>
        /// A custom business event: no plugin for the main operation and only asynchronous steps allowed
        /// (<c>allowedcustomprocessingsteptype</c> 1), as Microsoft's "Microsoft Dataverse business events"
        /// describes them. Calling it does nothing but notify what subscribes to it.
        /// </summary>
        public bool IsEvent { get; init; }
    }
}
