using System;
using System.Collections.Generic;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Where each contact (its parent) or opportunity (its account) of a staging leads, in as little memory as a
    /// link can take: straight to the account's ordinal when that account was read before it, as an export
    /// writes accounts first; only a link to a record not yet read, or to another contact, keeps its target
    /// (<see cref="ExportStaging"/> follows it when asked). About 32 bytes per record instead of an
    /// <see cref="EntityReference"/> each, so the maps add little per account at any size.
    /// </summary>
    internal sealed class AccountLinks
    {
        private const int NoAccount = -1;
        private const int Later = -2;

        private readonly Dictionary<Guid, int> _account = new();
        private readonly Dictionary<Guid, RecordLink> _later = new();

        /// <summary>Records where <paramref name="id"/> leads, given the accounts read so far.</summary>
        public void Add(Guid id, RecordLink? link, Dictionary<Guid, int> accountsRead)
        {
            if (link is not { } target) _account[id] = NoAccount;
            else if (target.Table == AccountSchema.EntityName && accountsRead.TryGetValue(target.Id, out var ordinal)) _account[id] = ordinal;
            else
            {
                _account[id] = Later;
                _later[id] = target;
            }
        }

        /// <summary>
        /// False while <paramref name="id"/> has not been read. Otherwise it leads to <paramref name="account"/> (or
        /// to no account), or, when <paramref name="next"/> is not null, on to that record.
        /// </summary>
        public bool TryGet(Guid id, out int? account, out RecordLink? next)
        {
            account = null;
            next = null;
            if (!_account.TryGetValue(id, out var link)) return false;
            if (link == Later) next = _later[id];
            else if (link != NoAccount) account = link;
            return true;
        }
    }
}
