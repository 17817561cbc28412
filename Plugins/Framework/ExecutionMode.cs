namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Synchronous steps run inside the user's save; asynchronous ones after it, as system jobs.</summary>
    public enum ExecutionMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }
}
