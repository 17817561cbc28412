using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>A policy document was rejected; <see cref="Problems"/> lists every problem found, not just the first.</summary>
    public sealed class PolicyException : Exception
    {
        public PolicyException(IReadOnlyList<PolicyProblem> problems)
            : base(Describe(problems))
        {
            Problems = problems;
        }

        public IReadOnlyList<PolicyProblem> Problems { get; }

        private static string Describe(IReadOnlyList<PolicyProblem> problems) =>
            "The loyalty policy is invalid (" + problems.Count + (problems.Count == 1 ? " problem" : " problems") + "):"
            + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
