using System;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>
    /// The time source of a plugin run. Dataverse offers none, so plugins use the system clock
    /// unless the service provider offers an <see cref="IClock"/> (tests and the local pipeline do).
    /// </summary>
    public interface IClock
    {
        DateTime UtcNow { get; }
    }

    public sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new();

        public DateTime UtcNow => DateTime.UtcNow;
    }
}
