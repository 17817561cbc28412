using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Local
{
    /// <summary>
    /// Loads exported records into a local organisation the way an import into Dataverse runs: every
    /// record is created through the pipeline at the clock's time, and the system jobs the creates queued
    /// run afterwards, as the asynchronous service catches up after a bulk load.
    /// </summary>
    public static class BulkImport
    {
        public static int Load(LocalOrganisation organisation, IEnumerable<Entity> records, Action<int>? progress = null)
        {
            var count = 0;
            foreach (var record in records)
            {
                organisation.Create(record);
                count++;
                if (count % 1000 == 0) progress?.Invoke(count);
            }
            progress?.Invoke(count);
            return count;
        }
    }
}
