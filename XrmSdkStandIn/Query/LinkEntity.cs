using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private FilterExpression _linkCriteria;
        private ColumnSet _columns;

        public LinkEntity()
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        public string LinkFromAttributeName { get; set; }

        public string LinkFromEntityName { get; set; }

        public string LinkToEntityName { get; set; }

        public string LinkToAttributeName { get; set; }

        public JoinOperator JoinOperator { get; set; }

        public FilterExpression LinkCriteria
        {
            get => _linkCriteria ?? (_linkCriteria = new FilterExpression());
            set => _linkCriteria = value;
        }

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public ColumnSet Columns
        {
            get => _columns ?? (_columns = new ColumnSet());
            set => _columns = value;
        }

        public string EntityAlias { get; set; }

        public DataCollection<OrderExpression> Orders => _orders;

        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        // The official copies this link's LinkFromEntityName (not its LinkToEntityName) onto the
        // nested link; mirrored so code behaves the same against both assemblies.
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }
    }
}
