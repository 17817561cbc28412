using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    // All AddCondition overloads are kept for the same reason as ConditionExpression's constructors.
    public sealed class FilterExpression : IExtensibleDataObject
    {
        private readonly DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
        private readonly DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        public LogicalOperator FilterOperator { get; set; }

        public DataCollection<ConditionExpression> Conditions => _conditions;

        public DataCollection<FilterExpression> Filters => _filters;

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            _conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            _conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(ConditionExpression condition)
        {
            _conditions.Add(condition);
        }

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            _filters.Add(child);
            return child;
        }

        public void AddFilter(FilterExpression childFilter)
        {
            _filters.Add(childFilter);
        }
    }
}
