using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>The records of a Configuration Migration file, per table in import order, as Dataverse rows.</summary>
    public sealed class CmtPackage
    {
        public CmtPackage(IEnumerable<Entity> records, DateTime? exportedOn = null, CmtSkips? skips = null)
        {
            Skips = skips ?? new CmtSkips();
            var list = records.ToList();
            var unknown = list.FirstOrDefault(r => CmtCatalogue.Find(r.LogicalName) is null);
            if (unknown is not null) throw new ArgumentException($"Table '{unknown.LogicalName}' is not one the tool knows.", nameof(records));
            Tables = CmtCatalogue.Tables
                .Select(t => (t, Rows: (IReadOnlyList<Entity>)list.Where(r => r.LogicalName == t.Name).ToList()))
                .Where(p => p.Rows.Count > 0)
                .ToDictionary(p => p.t.Name, p => p.Rows);
            ExportedOn = exportedOn;
        }

        /// <summary>When the data was exported (the timestamp of data.xml), if it says.</summary>
        public DateTime? ExportedOn { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<Entity>> Tables { get; }

        /// <summary>What the file held that the tool does not use.</summary>
        public CmtSkips Skips { get; }

        public IReadOnlyList<Entity> Rows(string table) => Tables.TryGetValue(table, out var rows) ? rows : Array.Empty<Entity>();

        /// <summary>Every record, parents first.</summary>
        public IEnumerable<Entity> All => CmtCatalogue.Tables.SelectMany(t => Rows(t.Name));

        public int Count => Tables.Values.Sum(t => t.Count);
    }
}
