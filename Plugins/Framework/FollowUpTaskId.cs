using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>
    /// The id of a follow-up task, derived from the account, the reason and the episode, so two follow-up
    /// jobs that handle the same transition at once create the same task: Dataverse refuses the second
    /// Create with a duplicate-key fault, and at most one open task per account and reason remains.
    /// The episode is the first number whose id no follow-up task of the account has yet (open, closed or
    /// cancelled), so after a task is closed the next entry gets a new task, and two jobs that read the
    /// same tasks pick the same one.
    /// </summary>
    public static class FollowUpTaskId
    {
        public static Guid For(Guid accountId, int reason, int episode)
        {
            var name = string.Format(CultureInfo.InvariantCulture, "LoyaltyHealth.FollowUp|{0:D}|{1}|{2}", accountId, reason, episode);
#pragma warning disable CA5350 // SHA-1 names an id here; it protects nothing.
            using var sha1 = SHA1.Create();
#pragma warning restore CA5350
            var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(name));
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        /// <summary>The id for a new task: the first episode whose id is not among <paramref name="existing"/>.</summary>
        public static Guid Next(Guid accountId, int reason, ICollection<Guid> existing)
        {
            for (var episode = 0; ; episode++)
            {
                var id = For(accountId, reason, episode);
                if (!existing.Contains(id)) return id;
            }
        }
    }
}
