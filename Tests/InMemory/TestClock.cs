using System;

namespace LoyaltyHealth.Tests.InMemory
{
    // A clock the test moves by hand.
    internal sealed class TestClock
    {
        public TestClock(DateTime start)
        {
            Now = start;
        }

        public DateTime Now { get; set; }

        public DateTime Read() => Now;
    }
}
