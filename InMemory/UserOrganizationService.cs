using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.InMemory
{
    /// <summary>
    /// The in-memory organisation as one user sees it: a Retrieve that a <see cref="InMemoryOrganizationService.DenyRead"/>
    /// rule forbids this user fails with Dataverse's privilege or access fault; everything else is the shared service's.
    /// </summary>
    internal sealed class UserOrganizationService : IOrganizationService
    {
        private readonly InMemoryOrganizationService _service;
        private readonly Guid _userId;

        public UserOrganizationService(InMemoryOrganizationService service, Guid userId)
        {
            _service = service;
            _userId = userId;
        }

        public Guid Create(Entity entity) => _service.Create(entity);

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            _service.CheckRead(_userId, new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet });
            return _service.Retrieve(entityName, id, columnSet);
        }

        public void Update(Entity entity) => _service.Update(entity);

        public void Delete(string entityName, Guid id) => _service.Delete(entityName, id);

        public EntityCollection RetrieveMultiple(QueryBase query) => _service.RetrieveMultiple(query);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            _service.Associate(entityName, entityId, relationship, relatedEntities);

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            _service.Disassociate(entityName, entityId, relationship, relatedEntities);

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            _service.CheckRead(_userId, request);
            return _service.Execute(request);
        }
    }
}
