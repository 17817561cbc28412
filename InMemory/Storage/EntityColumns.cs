using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Storage
{
    // An entity's columns read without an enumerator: the attribute collection hands out only boxed ones, and a
    // write reads each row's columns more than once (checked, then prepared).
    internal static class EntityColumns
    {
        // The columns in the entity's own order, copied into the scratch array given (grown when too small):
        // valid until that array is used again.
        public static ReadOnlySpan<KeyValuePair<string, object>> Of(Entity entity, ref KeyValuePair<string, object>[] scratch)
        {
            var attributes = entity.Attributes;
            int count = attributes.Count;
            if (scratch.Length < count)
            {
                scratch = new KeyValuePair<string, object>[Math.Max(count, scratch.Length * 2)];
            }

            attributes.CopyTo(scratch, 0);
            return scratch.AsSpan(0, count);
        }
    }
}
