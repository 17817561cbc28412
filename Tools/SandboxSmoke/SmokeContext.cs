using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.SandboxSmoke
{
    /// <summary>The execution context of one step, with only what a registration describes.</summary>
    internal sealed class SmokeContext : IPluginExecutionContext
    {
        public int Mode { get; set; }
        public int IsolationMode => 2;
        public int Depth => 1;
        public string MessageName { get; set; } = "";
        public string PrimaryEntityName { get; set; } = "none";
        public Guid? RequestId => Guid.NewGuid();
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters { get; } = new ParameterCollection();
        public ParameterCollection OutputParameters { get; } = new ParameterCollection();
        public ParameterCollection SharedVariables { get; } = new ParameterCollection();
        public Guid UserId { get; } = Guid.NewGuid();
        public Guid InitiatingUserId => UserId;
        public Guid BusinessUnitId { get; } = Guid.NewGuid();
        public Guid OrganizationId { get; } = Guid.NewGuid();
        public string OrganizationName => "smoke";
        public Guid PrimaryEntityId { get; set; }
        public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();
        public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();
        public EntityReference OwningExtension => new EntityReference("sdkmessageprocessingstep", Guid.NewGuid());
        public Guid CorrelationId { get; } = Guid.NewGuid();
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction => Mode == 0;
        public Guid OperationId { get; } = Guid.NewGuid();
        public DateTime OperationCreatedOn { get; } = DateTime.UtcNow;
        public int Stage { get; set; }
        public IPluginExecutionContext ParentContext => null!;
    }

    /// <summary>
    /// An organization service with an empty organisation: every query finds nothing and every write is
    /// accepted, so a plugin runs its whole path up to the first "not found" a real empty environment gives.
    /// </summary>
    internal sealed class EmptyOrganization : IOrganizationService, IOrganizationServiceFactory, ITracingService, IServiceProvider
    {
        private readonly SmokeContext _context;

        public EmptyOrganization(SmokeContext context)
        {
            _context = context;
        }

        public List<string> Lines { get; } = new List<string>();

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) ? _context
            : serviceType == typeof(IOrganizationServiceFactory) ? this
            : serviceType == typeof(ITracingService) ? (object)this
            : null;

        public IOrganizationService CreateOrganizationService(Guid? userId) => this;

        public void Trace(string format, params object[] args) => Lines.Add(args.Length == 0 ? format : string.Format(format, args));

        public Guid Create(Entity entity) => entity.Id == Guid.Empty ? Guid.NewGuid() : entity.Id;

        public Entity Retrieve(string entityName, Guid id, Microsoft.Xrm.Sdk.Query.ColumnSet columnSet) =>
            throw new System.ServiceModel.FaultException<OrganizationServiceFault>(
                new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040217), Message = $"{entityName} With Id = {id} Does Not Exist" },
                new System.ServiceModel.FaultReason($"{entityName} With Id = {id} Does Not Exist"));

        public void Update(Entity entity) { }

        public void Delete(string entityName, Guid id) { }

        public OrganizationResponse Execute(OrganizationRequest request) => new OrganizationResponse { ResponseName = request.RequestName };

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) { }

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) { }

        public EntityCollection RetrieveMultiple(Microsoft.Xrm.Sdk.Query.QueryBase query) => new EntityCollection();
    }
}
