using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Execution
{
    /// <summary>Keeps every trace line, as the plug-in trace log would.</summary>
    public sealed class CollectingTracingService : ITracingService
    {
        private readonly List<string> _lines = new List<string>();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        public void Trace(string format, params object[] args)
        {
            var line = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
