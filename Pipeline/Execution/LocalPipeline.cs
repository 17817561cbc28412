using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Pipeline.Execution
{
    /// <summary>Settings of a local pipeline.</summary>
    public sealed class LocalPipelineOptions
    {
        /// <summary>The user whose actions <see cref="LocalPipeline.Service"/> plays.</summary>
        public Guid CallerId { get; init; } = new("00000000-0000-0000-0000-00000000ca11");
        /// <summary>The id plugins get when they ask for a service as SYSTEM.</summary>
        public Guid SystemUserId { get; init; } = new("00000000-0000-0000-0000-0000000005e5");
        /// <summary>Where the registered plugin types are looked for; by default the product's plugin assembly.</summary>
        public IReadOnlyList<Assembly> PluginAssemblies { get; init; } = new[] { typeof(PluginBase).Assembly };
        /// <summary>Keep every step's trace lines in <see cref="LocalPipeline.Traces"/> (tests); failed jobs keep theirs always.</summary>
        public bool KeepTraces { get; init; }
        /// <summary>Keep every finished system job in <see cref="LocalPipeline.Jobs"/>, not only the failed ones.</summary>
        public bool KeepJobHistory { get; init; }
        /// <summary>
        /// Plugin instances to share with other pipelines of one run (many small organisations): Dataverse too
        /// keeps a plugin instance and calls it for many executions, which is why a plugin holds no state.
        /// By default each pipeline creates its own.
        /// </summary>
        public PluginActivator? SharedActivator { get; init; }
    }

    /// <summary>The trace of one step run.</summary>
    /// <summary>A business event raised in the local pipeline: its message, the account it is about, when, and its other parameters.</summary>
    public sealed record RaisedEvent(string Name, Guid AccountId, DateTime RaisedOn, IReadOnlyDictionary<string, object?> Parameters);

    public sealed record StepTrace(string Step, string Message, string Table, int Stage, int Depth, IReadOnlyList<string> Lines);

    /// <summary>
    /// Runs the plugins an unpacked solution registers, the way Dataverse runs them, over the in-memory
    /// organization service. For each request: PreValidation and PreOperation steps (which may change the
    /// Target that is then stored), the operation itself (or a Custom API's plugin), PostOperation steps,
    /// then asynchronous steps queued as system jobs and run by <see cref="RunSystemJobs"/>. Steps fire in
    /// stage and rank order, Update steps only when the Target carries one of their filtering attributes,
    /// with images holding exactly their registered columns, the request's "tag" in the shared variables,
    /// and, for requests a plugin sends, the plugin's context as parent and one more level of depth; past
    /// depth 8 the operation fails as Dataverse's loop protection makes it fail. A step that the solution
    /// does not register does not run. A deep insert (a Create whose Target carries RelatedEntities) fires
    /// Create for each related row during the Target's operation, with that operation as parent one level
    /// deeper, as one counted request and one transaction. Single-threaded, like one Dataverse transaction.
    /// </summary>
    public sealed class LocalPipeline
    {
        public const int MaximumDepth = 8;
        private const string TargetParameter = "Target";
        private const string NoTable = "none";

        private readonly InMemoryOrganizationService _store;
        private readonly SolutionRegistrations _registrations;
        private readonly IClock _clock;
        private readonly LocalPipelineOptions _options;
        private readonly PluginActivator _activator;
        private readonly Queue<SystemJob> _queue = new();
        private readonly List<SystemJob> _jobs = new();
        private readonly List<StepTrace> _traces = new();
        private readonly List<RaisedEvent> _events = new();
        private List<SystemJob>? _pending;
        private long _sequence;

        public LocalPipeline(InMemoryOrganizationService store, SolutionRegistrations registrations, IClock clock, LocalPipelineOptions? options = null)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _options = options ?? new LocalPipelineOptions();
            // Bound up front, as the import binds: a step or Custom API Dataverse would not resolve never runs here either.
            _registrations = (registrations ?? throw new ArgumentNullException(nameof(registrations))).Bind(_options.PluginAssemblies);
            _activator = _options.SharedActivator ?? new PluginActivator(_options.PluginAssemblies);
            Service = new PipelineOrganizationService(this, null, _options.CallerId);
        }

        /// <summary>The service a user works with: each request starts a pipeline at depth 1.</summary>
        public PipelineOrganizationService Service { get; }

        /// <summary>The same as <see cref="Service"/>, for another user (whose read rules <see cref="InMemoryOrganizationService.DenyRead"/> declares).</summary>
        public PipelineOrganizationService ServiceFor(Guid userId) => new(this, null, userId);

        public InMemoryOrganizationService Store => _store;

        public SolutionRegistrations Registrations => _registrations;

        public Guid SystemUserId => _options.SystemUserId;

        /// <summary>System jobs waiting to run.</summary>
        public int WaitingJobs => _queue.Count;

        public int SucceededJobs { get; private set; }

        /// <summary>Failed jobs, and with <see cref="LocalPipelineOptions.KeepJobHistory"/> every finished job, in the order they ran.</summary>
        public IReadOnlyList<SystemJob> Jobs => _jobs;

        public IEnumerable<SystemJob> FailedJobs => _jobs.Where(j => j.Status == SystemJobStatus.Failed);

        public IReadOnlyList<StepTrace> Traces => _traces;

        /// <summary>The business events raised (Custom APIs without a plugin, see <see cref="CustomApiDefinition.IsEvent"/>), in order.</summary>
        public IReadOnlyList<RaisedEvent> Events => _events;

        /// <summary>Plugin types the registrations name that cannot be found: a deployment that would fail in Dataverse.</summary>
        public IReadOnlyList<string> MissingPluginTypes() =>
            _registrations.Steps.Select(s => s.PluginTypeName)
                .Concat(_registrations.CustomApis.Where(a => !a.IsEvent).Select(a => a.PluginTypeName))
                .Distinct(StringComparer.Ordinal)
                .Where(t => _activator.Find(t) is null)
                .ToList();

        /// <summary>
        /// Runs the waiting system jobs, and the jobs they queue, until none is left. A failed job is kept
        /// with its error and does not stop the others. Returns how many ran.
        /// </summary>
        public int RunSystemJobs(Action<int, int>? progress = null)
        {
            if (_pending is not null) throw new InvalidOperationException("System jobs run after an operation, not inside one.");
            var ran = 0;
            while (_queue.Count > 0)
            {
                RunJob(_queue.Dequeue());
                ran++;
                progress?.Invoke(ran, _queue.Count);
            }
            return ran;
        }

        internal OrganizationResponse Execute(OrganizationRequest request, IPluginExecutionContext? parent, Guid userId) =>
            Execute(request, parent, userId, counted: true);

        // Uncounted: the Create of a related row of a deep insert, part of a request the store counted once.
        private OrganizationResponse Execute(OrganizationRequest request, IPluginExecutionContext? parent, Guid userId, bool counted)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrEmpty(request.RequestName)) return _store.Execute(request);
            var depth = parent is null ? 1 : parent.Depth + 1;
            var copy = Copy(request);
            var (table, id) = Primary(copy);
            if (depth > MaximumDepth) throw PipelineFaults.LoopDetected(copy.RequestName, table, depth, MaximumDepth, _clock.UtcNow);

            // Jobs an operation queues reach the queue only when the outermost operation succeeds: a failed
            // operation is rolled back in Dataverse, and so are the system jobs it would have created.
            var enclosing = _pending;
            var queued = new List<SystemJob>();
            _pending = queued;
            try
            {
                var response = Run(copy, table, id, parent, depth, userId, counted);
                if (enclosing is null)
                {
                    foreach (var job in queued) _queue.Enqueue(job);
                }
                else
                {
                    enclosing.AddRange(queued);
                }
                return response;
            }
            finally
            {
                _pending = enclosing;
            }
        }

        private OrganizationResponse Run(OrganizationRequest request, string table, Guid id, IPluginExecutionContext? parent, int depth, Guid userId, bool counted)
        {
            var message = request.RequestName;
            var api = _registrations.CustomApi(message);
            var steps = _registrations.For(message, table == NoTable ? null : table);
            // The one piece of security modelled: the read rules a test declares (InMemoryOrganizationService.DenyRead).
            var reader = userId == _options.SystemUserId ? (Guid?)null : userId;
            _store.CheckRead(reader, request);
            var deepInsert = message == MessageNames.Create && Target(request) is { } created && created.RelatedEntities.Count > 0;
            if (steps.Count == 0 && api is null && !deepInsert) return SendToStore(request, counted);

            var operation = new PluginExecutionContext
            {
                MessageName = message,
                PrimaryEntityName = table,
                PrimaryEntityId = id,
                Depth = depth,
                ParentContext = parent,
                UserId = userId,
                InitiatingUserId = parent?.InitiatingUserId ?? userId,
                CorrelationId = parent?.CorrelationId ?? NextId(),
                OperationId = NextId(),
                RequestId = request.RequestId ?? NextId(),
                OperationCreatedOn = _clock.UtcNow,
                InputParameters = request.Parameters,
                OutputParameters = new ParameterCollection(),
                SharedVariables = new ParameterCollection(),
            };
            if (request.Parameters.TryGetValue(ContextKeys.Tag, out var tag) && tag is not null)
                operation.SharedVariables[ContextKeys.Tag] = tag;

            var before = message != MessageNames.Create && steps.Any(s => s.Images.Any(i => i.IsPre)) ? ReadRow(table, id) : null;
            RunStage(steps, StepModes.PreValidation, operation, before, null);
            // A step that fails after the write (a synchronous PostOperation step, a related row of a deep insert)
            // fails the operation, and Dataverse rolls its transaction back: nothing it wrote remains. PreValidation
            // of the outermost operation ran before the transaction began, so what it wrote stays, as there.
            return _store.InTransaction(() => RunInTransaction(request, api, steps, operation, before, counted));
        }

        // The stages Dataverse runs inside the database transaction: PreOperation, the operation, PostOperation.
        private OrganizationResponse RunInTransaction(OrganizationRequest request, CustomApiDefinition? api, IReadOnlyList<StepDefinition> steps,
            PluginExecutionContext operation, Entity? before, bool counted)
        {
            var message = request.RequestName;
            var table = operation.PrimaryEntityName;
            RunStage(steps, StepModes.PreOperation, operation, before, null);

            OrganizationResponse response;
            if (api is not null)
            {
                response = RunCustomApi(api, operation);
            }
            else
            {
                var target = message == MessageNames.Create ? Target(request) : null;
                var related = target is not null && target.RelatedEntities.Count > 0 ? _store.RelatedRowsOf(target) : Array.Empty<RelatedRow>();
                response = SendToStore(related.Count == 0 ? request : new CreateRequest { Target = WithoutRelatedRows(target!) }, counted);
                if (message == MessageNames.Create && response.Results.TryGetValue("id", out var created) && created is Guid newId)
                {
                    operation.PrimaryEntityId = newId;
                    operation.OutputParameters["id"] = newId;
                }

                // Dataverse fires Create for each row of a deep insert, inside the Target's main operation, which is their parent.
                if (related.Count > 0) operation.Stage = StepModes.MainOperation;
                foreach (var row in related)
                    Execute(new CreateRequest { Target = row.LinkedTo(operation.PrimaryEntityId) }, operation, operation.UserId, counted: false);
            }

            var post = steps.Where(s => s.Stage == StepModes.PostOperation && Fires(s, operation)).ToList();
            var after = message != MessageNames.Delete && post.Any(s => s.Images.Any(i => i.IsPost)) ? ReadRow(table, operation.PrimaryEntityId) : null;
            foreach (var step in post.Where(s => !s.IsAsynchronous)) RunSynchronous(step, ForStep(step, operation, before, after, operation.OperationCreatedOn));
            foreach (var step in post.Where(s => s.IsAsynchronous))
                _pending!.Add(new SystemJob(++_sequence, step, ForStep(step, operation, before, after, _clock.UtcNow)));
            return response;
        }

        private OrganizationResponse SendToStore(OrganizationRequest request, bool counted)
        {
            if (counted) return _store.Execute(request);
            var response = new CreateResponse { ResponseName = MessageNames.Create };
            response.Results["id"] = _store.CreateWithinRequest(Target(request)!);
            return response;
        }

        private static Entity? Target(OrganizationRequest request) =>
            request.Parameters.TryGetValue(TargetParameter, out var target) ? target as Entity : null;

        private static Entity WithoutRelatedRows(Entity target)
        {
            var primary = Clone(target);
            primary.RelatedEntities.Clear();
            return primary;
        }

        private void RunStage(IReadOnlyList<StepDefinition> steps, int stage, PluginExecutionContext operation, Entity? before, Entity? after)
        {
            foreach (var step in steps)
            {
                // Filters are checked as each step comes up, so a PreOperation change to the Target counts.
                if (step.Stage == stage && Fires(step, operation))
                    RunSynchronous(step, ForStep(step, operation, before, after, operation.OperationCreatedOn));
            }
        }

        private OrganizationResponse RunCustomApi(CustomApiDefinition api, PluginExecutionContext operation)
        {
            if (api.IsEvent)
            {
                // A business event has no main operation: it completes, and what subscribes to it runs afterwards.
                var account = operation.InputParameters.TryGetValue(TargetParameter, out var target) && target is EntityReference reference ? reference.Id : operation.PrimaryEntityId;
                _events.Add(new RaisedEvent(api.UniqueName, account, _clock.UtcNow,
                    operation.InputParameters.Where(p => p.Key != TargetParameter && p.Key != ContextKeys.Tag)
                        .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)));
                return new OrganizationResponse { ResponseName = api.UniqueName, Results = operation.OutputParameters };
            }
            var main = new StepDefinition
            {
                Name = api.UniqueName,
                PluginTypeName = api.PluginTypeName,
                PluginTypeExportKey = api.PluginTypeExportKey,
                Message = api.UniqueName,
                PrimaryEntity = api.BoundEntity,
                Stage = StepModes.MainOperation,
                Mode = StepModes.Synchronous,
                Source = api.Source,
            };
            RunSynchronous(main, ForStep(main, operation, null, null, operation.OperationCreatedOn));
            return new OrganizationResponse { ResponseName = api.UniqueName, Results = operation.OutputParameters };
        }

        /// <summary>An Update step with filtering attributes fires only when the Target carries one of them.</summary>
        private static bool Fires(StepDefinition step, PluginExecutionContext operation)
        {
            if (step.FilteringAttributes.Count == 0 || operation.MessageName != MessageNames.Update) return true;
            return operation.InputParameters.TryGetValue(TargetParameter, out var target) && target is Entity entity
                && entity.Attributes.Keys.Any(step.FilteringAttributes.Contains);
        }

        private PluginExecutionContext ForStep(StepDefinition step, PluginExecutionContext operation, Entity? before, Entity? after, DateTime operationCreatedOn)
        {
            var context = new PluginExecutionContext
            {
                MessageName = operation.MessageName,
                PrimaryEntityName = operation.PrimaryEntityName,
                PrimaryEntityId = operation.PrimaryEntityId,
                Stage = step.Stage,
                Mode = step.Mode,
                Depth = operation.Depth,
                ParentContext = operation.ParentContext,
                UserId = operation.UserId,
                InitiatingUserId = operation.InitiatingUserId,
                CorrelationId = operation.CorrelationId,
                OperationId = operation.OperationId,
                RequestId = operation.RequestId,
                OperationCreatedOn = operationCreatedOn,
                IsInTransaction = !step.IsAsynchronous && step.Stage != StepModes.PreValidation,
                InputParameters = operation.InputParameters,
                OutputParameters = operation.OutputParameters,
                SharedVariables = operation.SharedVariables,
            };
            foreach (var image in step.Images)
            {
                if (image.IsPre && before is not null) context.PreEntityImages[image.Alias] = Project(before, image.Columns);
                if (image.IsPost && after is not null && step.Stage == StepModes.PostOperation) context.PostEntityImages[image.Alias] = Project(after, image.Columns);
            }
            return context;
        }

        private void RunSynchronous(StepDefinition step, PluginExecutionContext context)
        {
            var tracing = new CollectingTracingService();
            try
            {
                Invoke(step, context, tracing);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw PipelineFaults.FromPlugin(step.Name, e, tracing.Lines, _clock.UtcNow);
            }
            finally
            {
                Keep(step, context, tracing);
            }
        }

        private void RunJob(SystemJob job)
        {
            var context = job.Context ?? throw new InvalidOperationException($"System job {job.Sequence} has already run.");
            var tracing = new CollectingTracingService();
            try
            {
                Invoke(job.Step, context, tracing);
                job.Status = SystemJobStatus.Succeeded;
                SucceededJobs++;
                if (_options.KeepJobHistory) _jobs.Add(job);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                job.Status = SystemJobStatus.Failed;
                job.Error = e is System.ServiceModel.FaultException<OrganizationServiceFault> fault ? fault.Detail?.Message ?? fault.Message : e.Message;
                job.Trace = tracing.Lines;
                _jobs.Add(job);
            }
            finally
            {
                job.Context = null;
                Keep(job.Step, context, tracing);
            }
        }

        private void Invoke(StepDefinition step, PluginExecutionContext context, CollectingTracingService tracing)
        {
            var plugin = _activator.Get(step.PluginTypeName, step.UnsecureConfiguration, step.SecureConfiguration);
            plugin.Execute(new StepServiceProvider(this, context, tracing, _clock));
        }

        private void Keep(StepDefinition step, PluginExecutionContext context, CollectingTracingService tracing)
        {
            if (_options.KeepTraces)
                _traces.Add(new StepTrace(step.Name, context.MessageName, context.PrimaryEntityName, context.Stage, context.Depth, tracing.Lines));
        }

        private Entity? ReadRow(string table, Guid id) =>
            id == Guid.Empty || table == NoTable ? null : _store.Peek(table, id, new ColumnSet(true));

        private static Entity Project(Entity row, IReadOnlySet<string>? columns)
        {
            var image = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
            foreach (var pair in row.Attributes)
            {
                if (columns is null || columns.Contains(pair.Key)) image.Attributes[pair.Key] = pair.Value;
            }
            return image;
        }

        private static (string Table, Guid Id) Primary(OrganizationRequest request)
        {
            if (!request.Parameters.TryGetValue(TargetParameter, out var target)) return (NoTable, Guid.Empty);
            return target switch
            {
                Entity entity => (entity.LogicalName ?? NoTable, entity.Id),
                EntityReference reference => (reference.LogicalName ?? NoTable, reference.Id),
                _ => (NoTable, Guid.Empty),
            };
        }

        /// <summary>
        /// A request as the platform receives it: a copy, so what the steps change never reaches the
        /// caller's objects (in Dataverse the request crossed the wire).
        /// </summary>
        private static OrganizationRequest Copy(OrganizationRequest request)
        {
            var copy = new OrganizationRequest(request.RequestName) { RequestId = request.RequestId };
            foreach (var pair in request.Parameters)
                copy.Parameters[pair.Key] = pair.Value is Entity entity ? Clone(entity) : pair.Value;
            return copy;
        }

        private static Entity Clone(Entity entity)
        {
            var clone = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion, EntityState = entity.EntityState };
            foreach (var pair in entity.Attributes) clone.Attributes[pair.Key] = pair.Value;
            foreach (var pair in entity.KeyAttributes) clone.KeyAttributes[pair.Key] = pair.Value;
            foreach (var pair in entity.RelatedEntities)
                clone.RelatedEntities[pair.Key] = pair.Value is null ? null! : new EntityCollection(pair.Value.Entities.Select(e => e is null ? null! : Clone(e)).ToList()) { EntityName = pair.Value.EntityName };
            return clone;
        }

        private Guid NextId() => new((int)(++_sequence & 0x7fffffff), 0x10ca, 0x1000, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
