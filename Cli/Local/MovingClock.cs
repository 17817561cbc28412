using System;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>The clock of a local run: the store stamps rows with it and the plugins read it, so a replay can move through history.</summary>
    public sealed class MovingClock : IClock
    {
        private DateTime _now;

        public MovingClock(DateTime start) { UtcNow = start; }

        public DateTime UtcNow
        {
            get => _now;
            set => _now = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
    }
}
