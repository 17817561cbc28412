using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Output
{
    /// <summary>
    /// Why the score is what it is: a stable code with parameters, never a finished sentence,
    /// so forms, views and tasks can render it in the reader's language.
    /// </summary>
    public sealed record Reason
    {
        public Reason(string code, decimal impact, IReadOnlyList<Parameter> parameters, string? subMeasure = null)
        {
            Code = code;
            Impact = impact;
            Parameters = parameters;
            SubMeasure = subMeasure;
        }

        public string Code { get; }
        /// <summary>Points of overall health this finding added (positive) or cost (negative) against a neutral score.</summary>
        public decimal Impact { get; }
        public IReadOnlyList<Parameter> Parameters { get; }
        /// <summary>The sub-measure that produced it, or null for account-level findings.</summary>
        public string? SubMeasure { get; }

        public Parameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

        public decimal Get(string name) =>
            Find(name)?.Value ?? throw new KeyNotFoundException($"Reason {Code} has no parameter '{name}'.");

        public bool Equals(Reason? other) =>
            other is not null && Code == other.Code && Impact == other.Impact && SubMeasure == other.SubMeasure
            && Parameters.SequenceEqual(other.Parameters);

        public override int GetHashCode() => Code.GetHashCode() ^ Impact.GetHashCode();
    }
}
