using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> _entities;

        public EntityCollection()
        {
        }

        // Copies the list, as the official does.
        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list ?? new List<Entity>());
        }

        public DataCollection<Entity> Entities
        {
            get => _entities ?? (_entities = new DataCollection<Entity>());
            set => _entities = value;
        }

        public bool MoreRecords { get; set; }

        public string PagingCookie { get; set; }

        public string MinActiveRowVersion { get; set; }

        public int TotalRecordCount { get; set; }

        public bool TotalRecordCountLimitExceeded { get; set; }

        public Entity this[int index]
        {
            get => Entities[index];
            set => Entities[index] = value;
        }

        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
