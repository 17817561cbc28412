using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        protected ParameterCollection(IDictionary<string, object> collection)
            : base(collection)
        {
        }

        // A null value never overwrites: the official keeps the previous value in that case.
        public void AddOrUpdateIfNotNull(string key, object obj)
        {
            if (key == null)
            {
                throw new System.ArgumentNullException(nameof(key));
            }

            if (obj != null)
            {
                this[key] = obj;
            }
        }

        // False for a missing key, a null value and a value of another type; never throws for those.
        public bool TryGetValue<T>(string key, out T value)
        {
            // base. is needed: overload resolution would otherwise pick this generic method again.
            if (base.TryGetValue(key, out object raw) && raw is T typed)
            {
                value = typed;
                return true;
            }

            value = default;
            return false;
        }
    }
}
