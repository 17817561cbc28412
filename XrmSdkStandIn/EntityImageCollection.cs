using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        protected internal EntityImageCollection(IDictionary<string, Entity> collection)
            : base(collection)
        {
        }
    }
}
