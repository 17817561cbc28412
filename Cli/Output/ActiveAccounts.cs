using System;
using System.Collections;
using System.Collections.Generic;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// The active accounts of a result, read through as the result's accounts are (they may be read from a file): the
    /// report's and the console's lists show these, as the product's views do. Their number is counted once, when asked.
    /// </summary>
    public sealed class ActiveAccounts : IReadOnlyCollection<AccountResult>
    {
        private readonly IReadOnlyCollection<AccountResult> _all;
        private readonly Lazy<int> _count;

        public ActiveAccounts(IReadOnlyCollection<AccountResult> all)
        {
            _all = all;
            _count = new Lazy<int>(() =>
            {
                var n = 0;
                foreach (var account in _all) if (account.Active) n++;
                return n;
            });
        }

        public int Count => _count.Value;

        /// <summary>The accounts that are not active: scored, but in accounts.csv only.</summary>
        public int Inactive => _all.Count - Count;

        public IEnumerator<AccountResult> GetEnumerator()
        {
            foreach (var account in _all)
                if (account.Active) yield return account;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
