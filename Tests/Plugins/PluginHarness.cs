using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>A clock the plugins read, moved by the test.</summary>
    internal sealed class TestPluginClock : IClock
    {
        public TestPluginClock(DateTime now) { UtcNow = now; }
        public DateTime UtcNow { get; set; }
    }

    /// <summary>
    /// Runs plugins the way Dataverse does: a context built from the step the plugin declares for
    /// the message and table, images holding only the declared columns, an in-memory service behind
    /// every organization service, and a trace log to read afterwards.
    /// </summary>
    internal sealed class PluginHarness
    {
        public static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        public PluginHarness()
        {
            Clock = new TestPluginClock(Now);
            Service = new InMemoryOrganizationService(() => Clock.UtcNow, ProductSchema.Solution);
            Service.RegisterActivityTable(ActivitySchema.ValueReport);
            Service.RegisterActivityTable(ActivitySchema.Perk);
            // The business events are Custom APIs without a plugin: raising one only records it here.
            foreach (var name in BusinessEventNames.All)
                Service.RegisterMessageHandler(name, request =>
                {
                    _events.Add(request);
                    return new OrganizationResponse { ResponseName = request.RequestName };
                });
        }

        private readonly List<OrganizationRequest> _events = new();

        /// <summary>The business events the plugins raised, in order.</summary>
        public IReadOnlyList<OrganizationRequest> Events => _events;

        public TestPluginClock Clock { get; }
        public InMemoryOrganizationService Service { get; }
        public CollectingTracingService LastTrace { get; private set; } = new();
        private readonly List<CollectingTracingService> _allTraces = new();
        public PluginExecutionContext? LastContext { get; private set; }

        /// <summary>The user who starts the runs (UserId and InitiatingUserId); the accounts' owner unless a test changes it.</summary>
        public Guid CallerId { get; set; } = PluginIds.Owner;

        /// <summary>The users the last run asked services for; null is SYSTEM.</summary>
        public IReadOnlyList<Guid?> LastServicesCreatedFor { get; private set; } = Array.Empty<Guid?>();

        public void Seed(params Entity[] rows) => Service.Seed(rows);

        public Entity Stored(string table, Guid id) => Service.Retrieve(table, id, new ColumnSet(true));

        public IReadOnlyList<Entity> All(string table) =>
            Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

        /// <summary>Runs the step of <paramref name="plugin"/> registered for the message on the table.</summary>
        public PluginExecutionContext Run(PluginBase plugin, string message, string? table, object? target = null,
            Entity? before = null, Entity? after = null, DateTime? operationCreatedOn = null, string? tag = null,
            IDictionary<string, object>? inputs = null, bool withImages = true, IPluginExecutionContext? parent = null, int depth = 1)
        {
            var step = plugin.Registrations.FirstOrDefault(s => s.Message == message && s.Table == table)
                ?? throw new InvalidOperationException($"{plugin.GetType().Name} declares no {message} step on {table}.");
            var primaryId = target switch
            {
                Entity e => e.Id,
                EntityReference r => r.Id,
                _ => Guid.Empty,
            };
            var context = new PluginExecutionContext
            {
                MessageName = message,
                PrimaryEntityName = table ?? "none",
                PrimaryEntityId = primaryId,
                Stage = (int)step.Stage,
                Mode = (int)step.Mode,
                Depth = depth,
                UserId = CallerId,
                InitiatingUserId = CallerId,
                CorrelationId = new Guid("c0000000-0000-0000-0000-0000000000cc"),
                OperationCreatedOn = operationCreatedOn ?? Clock.UtcNow,
                ParentContext = parent,
            };
            if (target is not null) context.InputParameters[ContextKeys.Target] = target;
            foreach (var input in inputs ?? new Dictionary<string, object>()) context.InputParameters[input.Key] = input.Value;
            if (tag is not null) context.SharedVariables[ContextKeys.Tag] = tag;
            if (withImages)
            {
                foreach (var image in step.Images)
                {
                    var source = image.Type == ImageType.PreImage ? before : after;
                    if (source is null) continue;
                    var copy = new Entity(source.LogicalName, source.Id);
                    foreach (var column in image.Columns.Where(source.Contains)) copy[column] = source[column];
                    (image.Type == ImageType.PreImage ? context.PreEntityImages : context.PostEntityImages)[image.Alias] = copy;
                }
            }

            LastTrace = new CollectingTracingService();
            _allTraces.Add(LastTrace);
            LastContext = context;
            var provider = new PluginServiceProvider(context, Service, LastTrace).With<IClock>(Clock);
            LastServicesCreatedFor = provider.ServicesCreatedFor;
            plugin.Execute(provider);
            return context;
        }

        public int Reads => Count("Retrieve") + Count("RetrieveMultiple");
        public int Writes => Count("Create") + Count("Update") + Count("Delete");

        public int Count(string message) => Service.RequestCountsByMessage.TryGetValue(message, out var n) ? n : 0;

        /// <summary>Every trace line of every run so far, including runs nested in another.</summary>
        public string Traces => string.Join("\n", _allTraces.SelectMany(t => t.Lines));
    }
}
