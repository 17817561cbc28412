using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Prefixes each trace with the milliseconds since the previous one: cheap timing in the plug-in trace log.</summary>
    public sealed class LocalTracingService : ITracingService
    {
        private readonly ITracingService _inner;
        private readonly IClock _clock;
        private DateTime _previous;

        public LocalTracingService(ITracingService inner, IClock clock)
        {
            _inner = inner;
            _clock = clock;
            _previous = clock.UtcNow;
        }

        public void Trace(string format, params object[] args)
        {
            var now = _clock.UtcNow;
            var delta = (int)(now - _previous).TotalMilliseconds;
            _previous = now;
            var message = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
            _inner.Trace(PrefixedFormat, delta.ToString(CultureInfo.InvariantCulture), message);
        }

        // The prefix before each message, "[+12ms] ": written by Trace and read off by Message.
        private const string PrefixStart = "[+";
        private const string PrefixEnd = "ms] ";
        private const string PrefixedFormat = PrefixStart + "{0}" + PrefixEnd + "{1}";

        /// <summary>A line this service traced without its timing prefix: the plugin's own message (a line without the prefix as it is).</summary>
        public static string Message(string line)
        {
            if (!line.StartsWith(PrefixStart, StringComparison.Ordinal)) return line;
            var end = line.IndexOf(PrefixEnd, StringComparison.Ordinal);
            return end < 0 ? line : line.Substring(end + PrefixEnd.Length);
        }
    }
}
