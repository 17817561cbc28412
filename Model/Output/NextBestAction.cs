using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Output
{
    /// <summary>Something the account team can do next, as a code with parameters.</summary>
    public sealed record NextBestAction(string Code, IReadOnlyList<Parameter> Parameters)
    {
        public bool Equals(NextBestAction? other) =>
            other is not null && Code == other.Code && Parameters.SequenceEqual(other.Parameters);

        public override int GetHashCode() => Code.GetHashCode();
    }
}
