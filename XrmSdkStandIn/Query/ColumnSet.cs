using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> _columns;

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            Columns.AddRange(columns);
        }

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns
        {
            get => _columns ?? (_columns = new DataCollection<string>());
            set => _columns = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        // Duplicates are kept, as in the official.
        public void AddColumns(params string[] columns)
        {
            Columns.AddRange(columns);
        }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }
    }
}
