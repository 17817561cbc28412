namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class QueryExpression : QueryBase
    {
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private PagingInfo _pageInfo;
        private FilterExpression _criteria;
        private ColumnSet _columnSet;

        public QueryExpression()
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
        }

        public bool Distinct { get; set; }

        public bool NoLock { get; set; }

        public PagingInfo PageInfo
        {
            get => _pageInfo ?? (_pageInfo = new PagingInfo());
            set => _pageInfo = value;
        }

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public FilterExpression Criteria
        {
            get => _criteria ?? (_criteria = new FilterExpression());
            set => _criteria = value;
        }

        public DataCollection<OrderExpression> Orders => _orders;

        public string EntityName { get; set; }

        public ColumnSet ColumnSet
        {
            get => _columnSet ?? (_columnSet = new ColumnSet());
            set => _columnSet = value;
        }

        public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            _orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        {
            _orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            _linkEntities.Add(link);
            return link;
        }
    }
}
