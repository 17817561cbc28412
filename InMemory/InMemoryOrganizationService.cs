using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.InMemory.Query;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.InMemory.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.InMemory
{
    /// <summary>
    /// An IOrganizationService that keeps rows in memory with Dataverse semantics: deep copies in and out,
    /// audit columns from an injected clock, row versions and optimistic concurrency, the activitypointer
    /// view and activity parties, FetchXML and QueryExpression, and Dataverse's faults. It counts every
    /// request and can run code right before one, for budget and race tests. Thread-safe.
    /// </summary>
    public sealed class InMemoryOrganizationService : IOrganizationService
    {
        private static readonly ISet<string> BuiltInMessages = new HashSet<string>(
            new[] { "Create", "Update", "Delete", "Retrieve", "RetrieveMultiple" }, StringComparer.Ordinal);

        private readonly object _gate = new object();
        private readonly DataStore _store;
        private readonly QueryEvaluator _evaluator;
        private readonly RequestLog _log = new RequestLog();
        private readonly Dictionary<string, Func<OrganizationRequest, OrganizationResponse>> _handlers =
            new Dictionary<string, Func<OrganizationRequest, OrganizationResponse>>(StringComparer.Ordinal);

        private readonly List<ReadDenial> _readDenials = new List<ReadDenial>();

        private readonly List<(string MessageName, Action<OrganizationRequest> Action)> _onceBefore =
            new List<(string, Action<OrganizationRequest>)>();

        /// <summary>A service on the system clock.</summary>
        public InMemoryOrganizationService()
            : this(() => DateTime.UtcNow)
        {
        }

        /// <summary>A service whose createdon/modifiedon come from <paramref name="utcNow"/>.</summary>
        public InMemoryOrganizationService(Func<DateTime> utcNow)
            : this(utcNow, Guid.NewGuid)
        {
        }

        /// <summary>A service with its clock and its source of new row ids injected, for reproducible runs.</summary>
        public InMemoryOrganizationService(Func<DateTime> utcNow, Func<Guid> newId)
            : this(utcNow, newId, schema: null)
        {
        }

        /// <summary>A service that knows the organisation's tables and columns and fails, as Dataverse does, on any other.</summary>
        public InMemoryOrganizationService(Func<DateTime> utcNow, OrganisationSchema schema)
            : this(utcNow, Guid.NewGuid, schema ?? throw new ArgumentNullException(nameof(schema)))
        {
        }

        /// <summary>
        /// A service with its clock, its source of new row ids and its schema injected. Without a schema any
        /// table and column is accepted (for tests of the query evaluator on invented tables); a custom
        /// activity table of the schema is an activity table from the start.
        /// </summary>
        public InMemoryOrganizationService(Func<DateTime> utcNow, Func<Guid> newId, OrganisationSchema? schema)
        {
            if (utcNow == null)
            {
                throw new ArgumentNullException(nameof(utcNow));
            }

            if (newId == null)
            {
                throw new ArgumentNullException(nameof(newId));
            }

            _store = new DataStore(utcNow, newId, schema);
            _evaluator = new QueryEvaluator(_store);
        }

        /// <summary>The tables and columns this organisation has; null when it accepts any.</summary>
        public OrganisationSchema? Schema => _store.Check.Schema;

        /// <summary>Raised before every request runs (after it is counted), outside the service's lock.</summary>
        public event EventHandler<OrganizationRequestEventArgs>? BeforeRequest;

        /// <summary>All requests since creation or the last <see cref="ResetRequestCount"/>.</summary>
        public int RequestCount
        {
            get
            {
                lock (_gate)
                {
                    return _log.Total;
                }
            }
        }

        /// <summary>A snapshot of the request count per message name (Create, Retrieve, RetrieveMultiple ...).</summary>
        public IReadOnlyDictionary<string, int> RequestCountsByMessage
        {
            get
            {
                lock (_gate)
                {
                    return _log.Snapshot();
                }
            }
        }

        /// <summary>The tables whose rows also appear as activitypointer: email, phonecall, appointment, task, letter, fax and any registered.</summary>
        public IReadOnlyCollection<string> ActivityTables
        {
            get
            {
                lock (_gate)
                {
                    return _store.ActivityTables.ToList();
                }
            }
        }

        public void ResetRequestCount()
        {
            lock (_gate)
            {
                _log.Reset();
            }
        }

        /// <summary>Makes a (custom) table an activity table: keyed by activityid, visible as activitypointer, with party lists.</summary>
        public void RegisterActivityTable(string logicalName)
        {
            if (string.IsNullOrEmpty(logicalName))
            {
                throw new ArgumentException("An activity table needs a logical name.", nameof(logicalName));
            }

            lock (_gate)
            {
                _store.RegisterActivityTable(logicalName);
            }
        }

        /// <summary>Serves Execute for a request name the service does not implement itself, such as a Custom API.</summary>
        public void RegisterMessageHandler(string requestName, Func<OrganizationRequest, OrganizationResponse> handler)
        {
            if (string.IsNullOrEmpty(requestName))
            {
                throw new ArgumentException("A handler needs a request name.", nameof(requestName));
            }

            if (handler == null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            if (BuiltInMessages.Contains(requestName))
            {
                throw new ArgumentException($"'{requestName}' is served by the service itself and cannot be replaced.", nameof(requestName));
            }

            lock (_gate)
            {
                if (_handlers.ContainsKey(requestName))
                {
                    throw new InvalidOperationException($"A handler for '{requestName}' is already registered.");
                }

                _handlers.Add(requestName, handler);
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> once, right before the next request named <paramref name="messageName"/>
        /// executes; requests the action itself makes do not trigger it again. This is how a test slips a
        /// concurrent write between a plugin's read and its write.
        /// </summary>
        public void RunOnceBefore(string messageName, Action<OrganizationRequest> action)
        {
            if (string.IsNullOrEmpty(messageName))
            {
                throw new ArgumentException("A message name is required.", nameof(messageName));
            }

            if (action == null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            lock (_gate)
            {
                _onceBefore.Add((messageName, action));
            }
        }

        /// <summary>
        /// Declares that <paramref name="userId"/> may not read rows of <paramref name="table"/>: with an
        /// <paramref name="id"/>, that one row (the user holds the read privilege, but not at a depth or through a
        /// share that reaches it: 0x80048306); without, any row (no role grants the user the read privilege:
        /// 0x80040220, naming <paramref name="privilege"/>). The organisation has no security model otherwise:
        /// every user reads everything. Only a Retrieve sent through <see cref="AsUser"/> (or checked with
        /// <see cref="CheckRead"/>) is refused; queries are not filtered.
        /// </summary>
        public void DenyRead(Guid userId, string table, Guid? id = null, string? privilege = null)
        {
            if (string.IsNullOrEmpty(table))
            {
                throw new ArgumentException("A read rule needs a table.", nameof(table));
            }

            if (id == null && string.IsNullOrEmpty(privilege))
            {
                throw new ArgumentException("A rule for a whole table names the missing privilege, as Dataverse's fault does (prvReadAccount).", nameof(privilege));
            }

            lock (_gate)
            {
                _readDenials.Add(new ReadDenial(userId, table, id, privilege ?? ""));
            }
        }

        /// <summary>
        /// Throws the fault Dataverse answers when <paramref name="userId"/> sends <paramref name="request"/> and
        /// a <see cref="DenyRead"/> rule forbids it. SYSTEM (null) reads everything.
        /// </summary>
        public void CheckRead(Guid? userId, OrganizationRequest request)
        {
            if (userId is not { } user || request?.RequestName != "Retrieve" || !(request.Parameters.TryGetValue("Target", out var value) && value is EntityReference target))
            {
                return;
            }

            ReadDenial? denial;
            lock (_gate)
            {
                denial = _readDenials.FirstOrDefault(d => d.UserId == user && string.Equals(d.Table, target.LogicalName, StringComparison.Ordinal)
                    && (d.Id == null || d.Id == target.Id));
            }

            if (denial == null)
            {
                return;
            }

            throw ToFault(denial.Id == null
                ? DataverseFault.PrivilegeDenied(user, denial.Privilege, denial.Table)
                : DataverseFault.RecordAccessDenied(user, denial.Table, target.Id));
        }

        /// <summary>This organisation as <paramref name="userId"/> sees it: every request as here, after <see cref="CheckRead"/>.</summary>
        public IOrganizationService AsUser(Guid userId) => new UserOrganizationService(this, userId);

        /// <summary>
        /// Stores rows as Create would, but without counting requests or running hooks, and keeping any
        /// createdon/modifiedon the rows carry (history to replay). Returns the ids in order.
        /// </summary>
        public IReadOnlyList<Guid> Seed(IEnumerable<Entity> rows)
        {
            if (rows == null)
            {
                throw new ArgumentNullException(nameof(rows));
            }

            var ids = new List<Guid>();
            foreach (var row in rows)
            {
                ids.Add(Run(() => _store.Create(RequireEntity(row, "Seed"), keepAuditDates: true)));
            }

            return ids;
        }

        /// <summary>
        /// Seeds rows as <see cref="Seed(IEnumerable{Entity})"/> does, checked against the schema alike, but stores their
        /// values themselves instead of copies: for rows built only to be seeded, whose values the caller neither
        /// changes nor hands to anyone afterwards (it may still read them).
        /// </summary>
        public void SeedHandedOver(IReadOnlyList<SeedRow> rows)
        {
            if (rows == null)
            {
                throw new ArgumentNullException(nameof(rows));
            }

            lock (_gate)
            {
                try
                {
                    _store.ExpectRows(rows);
                    foreach (var row in rows)
                    {
                        _store.Create(row.Table, row.Id, row.Columns ?? throw DataverseFault.InvalidArgument("Seed: the row's columns are required."), keepAuditDates: true, takeValues: true);
                    }
                }
                catch (DataverseFault fault)
                {
                    throw ToFault(fault);
                }
            }
        }

        /// <summary>
        /// Writes columns of a stored row the way <see cref="Seed(IEnumerable{Entity})"/> stores rows: not counted
        /// as a request and without hooks, for state the row already had (an exported row's computed columns).
        /// </summary>
        public void SeedUpdate(Entity row) => Run(() => _store.Update(RequireEntity(row, "SeedUpdate"), ConcurrencyBehavior.Default));

        /// <summary>Seeds the given rows; see <see cref="Seed(IEnumerable{Entity})"/>.</summary>
        public IReadOnlyList<Guid> Seed(params Entity[] rows) => Seed((IEnumerable<Entity>)rows);

        /// <summary>
        /// Reads a row the way the platform reads entity images for a plugin step: not counted as a
        /// request and without hooks, so request budgets measure only what callers and plugins send.
        /// Null when the row does not exist.
        /// </summary>
        public Entity? Peek(string entityName, Guid id, ColumnSet columnSet)
        {
            lock (_gate)
            {
                try
                {
                    return RetrieveCore(entityName, id, columnSet);
                }
                catch (DataverseFault fault) when (fault.ErrorCode == ErrorCodes.ObjectDoesNotExist)
                {
                    return null;
                }
                catch (DataverseFault fault)
                {
                    throw ToFault(fault);
                }
            }
        }

        /// <summary>
        /// Creates the row and, when it carries rows in <c>RelatedEntities</c> for one-to-many relationships of
        /// its table (a deep insert), each of them with its lookup set to the new row: all or nothing, one request.
        /// </summary>
        public Guid Create(Entity entity)
        {
            Before(new CreateRequest { Target = entity });
            return Run(() => CreateCore(RequireEntity(entity, "Create")));
        }

        /// <summary>
        /// The rows <paramref name="target"/> carries in <c>RelatedEntities</c>, checked against the schema's
        /// relationships as a deep insert checks them (the fault Create would give); empty when it carries none.
        /// </summary>
        public IReadOnlyList<RelatedRow> RelatedRowsOf(Entity target) => Run(() => RelatedRow.Of(RequireEntity(target, "Create"), Schema));

        /// <summary>
        /// Creates one row, without its related rows, as part of a request already counted (the local pipeline
        /// fires the Create message of each row of a deep insert itself): not counted and without hooks.
        /// </summary>
        public Guid CreateWithinRequest(Entity entity) => Run(() => _store.Create(RequireEntity(entity, "Create"), keepAuditDates: false));

        /// <summary>
        /// Runs <paramref name="operation"/> as one transaction: when it throws, every write made since it began,
        /// through any request, is undone, as Dataverse rolls back a failed operation. Transactions nest; an inner
        /// one that fails undoes only its own writes. Writes made by <see cref="RunOnceBefore"/> and
        /// <see cref="BeforeRequest"/> code stand for other users' and are never undone.
        /// </summary>
        public T InTransaction<T>(Func<T> operation)
        {
            if (operation == null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            int savepoint;
            lock (_gate)
            {
                savepoint = _store.Journal.Begin();
            }

            T result;
            try
            {
                result = operation();
            }
            catch
            {
                lock (_gate)
                {
                    _store.Journal.Rollback(savepoint);
                }

                throw;
            }

            lock (_gate)
            {
                _store.Journal.Commit();
            }

            return result;
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            Before(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet });
            return Run(() => RetrieveCore(entityName, id, columnSet));
        }

        public void Update(Entity entity)
        {
            Before(new UpdateRequest { Target = entity });
            Run(() => _store.Update(RequireEntity(entity, "Update"), ConcurrencyBehavior.Default));
        }

        public void Delete(string entityName, Guid id)
        {
            Before(new DeleteRequest { Target = new EntityReference(entityName, id) });
            Run(() => _store.Delete(entityName, id, rowVersion: null, ConcurrencyBehavior.Default));
        }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            Before(new RetrieveMultipleRequest { Query = query });
            return Run(() => RetrieveMultipleCore(query));
        }

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            Before(RelationshipRequest("Associate", entityName, entityId, relationship, relatedEntities));
            throw new NotSupportedException(
                "Associate is not supported by the in-memory service: set the lookup column with Update instead (many-to-many relationships are not modelled).");
        }

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            Before(RelationshipRequest("Disassociate", entityName, entityId, relationship, relatedEntities));
            throw new NotSupportedException(
                "Disassociate is not supported by the in-memory service: clear the lookup column with Update instead (many-to-many relationships are not modelled).");
        }

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (string.IsNullOrEmpty(request.RequestName))
            {
                throw ToFault(DataverseFault.InvalidArgument("The request has no RequestName."));
            }

            Before(request);
            switch (request.RequestName)
            {
                case "Create":
                    var created = Run(() => CreateCore(RequireEntity(Parameter<Entity>(request, "Target"), "Create")));
                    return Response(new CreateResponse(), "Create", "id", created);
                case "Update":
                    var behavior = request.Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)request.Parameters["ConcurrencyBehavior"] : ConcurrencyBehavior.Default;
                    Run(() => _store.Update(RequireEntity(Parameter<Entity>(request, "Target"), "Update"), behavior));
                    return Response(new UpdateResponse(), "Update", null, null);
                case "Delete":
                    var deleteBehavior = request.Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)request.Parameters["ConcurrencyBehavior"] : ConcurrencyBehavior.Default;
                    Run(() =>
                    {
                        var target = Parameter<EntityReference>(request, "Target");
                        _store.Delete(target.LogicalName, target.Id, target.RowVersion, deleteBehavior);
                    });
                    return Response(new DeleteResponse(), "Delete", null, null);
                case "Retrieve":
                    var entity = Run(() =>
                    {
                        var target = Parameter<EntityReference>(request, "Target");
                        return RetrieveCore(target.LogicalName, target.Id, Parameter<ColumnSet>(request, "ColumnSet"));
                    });
                    return Response(new RetrieveResponse(), "Retrieve", "Entity", entity);
                case "RetrieveMultiple":
                    var collection = Run(() => RetrieveMultipleCore(Parameter<QueryBase>(request, "Query")));
                    return Response(new RetrieveMultipleResponse(), "RetrieveMultiple", "EntityCollection", collection);
                default:
                    Func<OrganizationRequest, OrganizationResponse>? handler;
                    lock (_gate)
                    {
                        _handlers.TryGetValue(request.RequestName, out handler);
                    }

                    if (handler == null)
                    {
                        throw ToFault(new DataverseFault(ErrorCodes.Unspecified,
                            $"The request '{request.RequestName}' is not supported: no handler is registered for it (RegisterMessageHandler)."));
                    }

                    // Outside the lock: a handler (a Custom API) calls back into this service.
                    return handler(request);
            }
        }

        // Under the lock. A deep insert is its own savepoint, so a related row that fails takes the others with it.
        private Guid CreateCore(Entity target)
        {
            if (target.RelatedEntities.Count == 0)
            {
                return _store.Create(target, keepAuditDates: false);
            }

            int savepoint = _store.Journal.Begin();
            try
            {
                var id = CreateWithRelatedRows(target);
                _store.Journal.Commit();
                return id;
            }
            catch
            {
                _store.Journal.Rollback(savepoint);
                throw;
            }
        }

        private Guid CreateWithRelatedRows(Entity target)
        {
            var related = RelatedRow.Of(target, Schema);
            var id = _store.Create(target, keepAuditDates: false);
            foreach (var row in related)
            {
                CreateWithRelatedRows(row.LinkedTo(id));
            }

            return id;
        }

        private Entity RetrieveCore(string entityName, Guid id, ColumnSet? columnSet)
        {
            if (string.IsNullOrEmpty(entityName))
            {
                throw DataverseFault.InvalidArgument("Retrieve: the entity name is required.");
            }

            if (columnSet == null)
            {
                throw DataverseFault.InvalidArgument("Retrieve: a ColumnSet is required (use new ColumnSet(true) for all columns).");
            }

            _store.Check.Table(entityName);
            _store.Check.Columns(entityName, columnSet.Columns);

            var (table, row) = _store.Require(entityName, id);
            var entity = new Entity(entityName, id) { RowVersion = table.RowVersionOf(row) };
            bool asPointer = entityName == Activities.ActivityNames.Pointer;
            if (columnSet.AllColumns)
            {
                foreach (var value in _store.ReadAll(table, row, asPointer))
                {
                    entity.Attributes[value.Key] = ValueCopier.CopyOut(value.Value);
                }
            }

            foreach (var column in columnSet.Columns)
            {
                var value = _store.Read(table, row, column);
                if (value != null)
                {
                    entity.Attributes[column] = ValueCopier.CopyOut(value);
                }
            }

            entity.Attributes[_store.PrimaryIdColumnOf(entityName)] = id;
            return entity;
        }

        private EntityCollection RetrieveMultipleCore(QueryBase? query)
        {
            switch (query)
            {
                case FetchExpression fetch:
                    return _evaluator.Evaluate(FetchXmlCache.Shared.Parse(fetch.Query));
                case QueryExpression expression:
                    return _evaluator.Evaluate(QueryExpressionTranslator.Translate(expression));
                case null:
                    throw DataverseFault.InvalidArgument("RetrieveMultiple: the query is required.");
                default:
                    throw DataverseFault.InvalidArgument($"RetrieveMultiple: {query.GetType().Name} is not supported; use FetchExpression or QueryExpression.");
            }
        }

        // Counts the request, then runs the hooks outside the lock so they may call the service themselves.
        private void Before(OrganizationRequest request)
        {
            Action<OrganizationRequest>? once = null;
            lock (_gate)
            {
                _log.Record(request.RequestName);
                int index = _onceBefore.FindIndex(h => string.Equals(h.MessageName, request.RequestName, StringComparison.Ordinal));
                if (index >= 0)
                {
                    once = _onceBefore[index].Action;
                    _onceBefore.RemoveAt(index);
                }
            }

            if (once == null && BeforeRequest == null)
            {
                return;
            }

            lock (_gate)
            {
                _store.Journal.Suspend();
            }

            try
            {
                once?.Invoke(request);
                BeforeRequest?.Invoke(this, new OrganizationRequestEventArgs(request));
            }
            finally
            {
                lock (_gate)
                {
                    _store.Journal.Resume();
                }
            }
        }

        private T Run<T>(Func<T> operation)
        {
            lock (_gate)
            {
                try
                {
                    return operation();
                }
                catch (DataverseFault fault)
                {
                    throw ToFault(fault);
                }
            }
        }

        private void Run(Action operation) => Run(() =>
        {
            operation();
            return true;
        });

        private FaultException<OrganizationServiceFault> ToFault(DataverseFault fault)
        {
            var detail = new OrganizationServiceFault
            {
                ErrorCode = fault.ErrorCode,
                Message = fault.Message,
                Timestamp = _store.UtcNow,
            };
            return new FaultException<OrganizationServiceFault>(detail, new FaultReason(fault.Message));
        }

        private sealed record ReadDenial(Guid UserId, string Table, Guid? Id, string Privilege);

        private static Entity RequireEntity(Entity? entity, string message) =>
            entity ?? throw DataverseFault.InvalidArgument($"{message}: the entity is required.");

        private static T Parameter<T>(OrganizationRequest request, string name)
            where T : class
        {
            if (!request.Parameters.TryGetValue(name, out object value) || value == null)
            {
                throw DataverseFault.InvalidArgument($"{request.RequestName}: the parameter '{name}' is required.");
            }

            return value as T ?? throw DataverseFault.InvalidArgument(
                $"{request.RequestName}: the parameter '{name}' must be a {typeof(T).Name}, not a {value.GetType().Name}.");
        }

        private static OrganizationResponse Response(OrganizationResponse response, string name, string? resultName, object? result)
        {
            response.ResponseName = name;
            if (resultName != null)
            {
                response.Results[resultName] = result;
            }

            return response;
        }

        private static OrganizationRequest RelationshipRequest(string name, string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            var request = new OrganizationRequest(name);
            request.Parameters["Target"] = new EntityReference(entityName, entityId);
            request.Parameters["Relationship"] = relationship;
            request.Parameters["RelatedEntities"] = relatedEntities;
            return request;
        }
    }
}
