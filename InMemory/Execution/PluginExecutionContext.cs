using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory.Execution
{
    /// <summary>
    /// An execution context as Dataverse hands it to a plugin: message, table, stage, depth,
    /// parameters, images and shared variables, with a parent for operations a plugin started.
    /// </summary>
    public sealed class PluginExecutionContext : IPluginExecutionContext
    {
        // Made when first read unless set: the pipeline hands most contexts the collections of their operation,
        // and most steps have no images, so collections made up front would mostly be thrown away unread.
        private ParameterCollection? _inputParameters;
        private ParameterCollection? _outputParameters;
        private ParameterCollection? _sharedVariables;
        private EntityImageCollection? _preEntityImages;
        private EntityImageCollection? _postEntityImages;

        public int Mode { get; set; }
        public int IsolationMode { get; set; } = 2;
        public int Depth { get; set; } = 1;
        public string MessageName { get; set; } = "";
        public string PrimaryEntityName { get; set; } = "none";
        public Guid? RequestId { get; set; } = Guid.Empty;
        public string SecondaryEntityName { get; set; } = "none";
        public ParameterCollection InputParameters { get => _inputParameters ??= new ParameterCollection(); set => _inputParameters = value; }
        public ParameterCollection OutputParameters { get => _outputParameters ??= new ParameterCollection(); set => _outputParameters = value; }
        public ParameterCollection SharedVariables { get => _sharedVariables ??= new ParameterCollection(); set => _sharedVariables = value; }
        public Guid UserId { get; set; }
        public Guid InitiatingUserId { get; set; }
        public Guid BusinessUnitId { get; set; }
        public Guid OrganizationId { get; set; }
        public string OrganizationName { get; set; } = "local";
        public Guid PrimaryEntityId { get; set; }
        public EntityImageCollection PreEntityImages { get => _preEntityImages ??= new EntityImageCollection(); set => _preEntityImages = value; }
        public EntityImageCollection PostEntityImages { get => _postEntityImages ??= new EntityImageCollection(); set => _postEntityImages = value; }
        public EntityReference? OwningExtension { get; set; }
        public Guid CorrelationId { get; set; }
        public bool IsExecutingOffline { get; set; }
        public bool IsOfflinePlayback { get; set; }
        public bool IsInTransaction { get; set; }
        public Guid OperationId { get; set; }
        public DateTime OperationCreatedOn { get; set; }
        public int Stage { get; set; }
        public IPluginExecutionContext? ParentContext { get; set; }

        EntityReference IExecutionContext.OwningExtension => OwningExtension!;
        IPluginExecutionContext IPluginExecutionContext.ParentContext => ParentContext!;
    }
}
