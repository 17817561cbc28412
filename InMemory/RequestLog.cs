using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory
{
    // Counts calls per message name, so tests can hold a plugin to a budget of reads and writes.
    internal sealed class RequestLog
    {
        private readonly Dictionary<string, int> _byMessage = new Dictionary<string, int>(StringComparer.Ordinal);

        public int Total { get; private set; }

        public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_byMessage, StringComparer.Ordinal);

        public void Record(string messageName)
        {
            Total++;
            _byMessage[messageName] = _byMessage.TryGetValue(messageName, out int count) ? count + 1 : 1;
        }

        public void Reset()
        {
            Total = 0;
            _byMessage.Clear();
        }
    }
}
