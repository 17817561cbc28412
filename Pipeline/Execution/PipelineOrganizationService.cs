using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Pipeline.Execution
{
    /// <summary>
    /// An organization service whose every request goes through the local pipeline: from a user when it
    /// has no parent, or from a running plugin, whose context becomes the parent of the new operation.
    /// </summary>
    public sealed class PipelineOrganizationService : IOrganizationService
    {
        private readonly LocalPipeline _pipeline;
        private readonly IPluginExecutionContext? _parent;

        internal PipelineOrganizationService(LocalPipeline pipeline, IPluginExecutionContext? parent, Guid userId)
        {
            _pipeline = pipeline;
            _parent = parent;
            UserId = userId;
        }

        public Guid UserId { get; }

        public Guid Create(Entity entity) => (Guid)Execute(new CreateRequest { Target = entity }).Results["id"];

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
            (Entity)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet }).Results["Entity"];

        public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

        public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            (EntityCollection)Execute(new RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException("Associate is not supported locally: many-to-many relationships are not modelled by the in-memory service.");

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException("Disassociate is not supported locally: many-to-many relationships are not modelled by the in-memory service.");

        public OrganizationResponse Execute(OrganizationRequest request) => _pipeline.Execute(request, _parent, UserId);
    }
}
