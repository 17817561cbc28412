using System;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// A plugin for pipeline tests. Its step configuration says what it does: "log:label" writes a probe
    /// row describing the context it was given; "rename" changes the Target's name; "throw" refuses;
    /// "touch" updates its own record again (a loop); "child" creates a contact with a tag. As a Custom API's
    /// main operation it answers 42.
    /// </summary>
    public sealed class ProbePlugin : IPlugin
    {
        public const string Table = "probe";

        /// <summary>The probe table as a solution would define it, so the probe runs in an organisation that knows the schema.</summary>
        public static readonly SolutionTable TableDefinition = new(Table, IsActivity: false, OrganizationOwned: true, new[]
        {
            "label", "message", "stage", "mode", "depth", "primaryid", "operationcreatedon", "clock", "pre", "post", "tag", "parent", "parentdepth", "parenttable",
        });

        private readonly string _behaviour;

        public ProbePlugin(string? unsecureConfiguration, string? secureConfiguration)
        {
            _behaviour = unsecureConfiguration ?? "log:";
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var clock = (IClock)serviceProvider.GetService(typeof(IClock))!;
            var service = factory.CreateOrganizationService(null);
            var target = context.InputParameters.TryGetValue("Target", out var t) ? t as Entity : null;
            if (context.Stage == 30)
            {
                // The main operation of a Custom API.
                context.OutputParameters["Answer"] = 42;
                return;
            }
            var parts = _behaviour.Split(':', 2);
            switch (parts[0])
            {
                case "log":
                    service.Create(new Entity(Table)
                    {
                        ["label"] = parts.Length > 1 ? parts[1] : "",
                        ["message"] = context.MessageName,
                        ["stage"] = context.Stage,
                        ["mode"] = context.Mode,
                        ["depth"] = context.Depth,
                        ["primaryid"] = context.PrimaryEntityId,
                        ["operationcreatedon"] = context.OperationCreatedOn,
                        ["clock"] = clock.UtcNow,
                        ["pre"] = Keys(context.PreEntityImages.Values.FirstOrDefault()),
                        ["post"] = Keys(context.PostEntityImages.Values.FirstOrDefault()),
                        ["tag"] = context.SharedVariables.TryGetValue("tag", out var tag) ? tag as string : null,
                        ["parent"] = context.ParentContext?.MessageName,
                        ["parentdepth"] = context.ParentContext?.Depth,
                        ["parenttable"] = context.ParentContext?.PrimaryEntityName,
                    });
                    break;
                case "rename":
                    if (target is not null) target["name"] = target.GetAttributeValue<string>("name") + " (checked)";
                    break;
                case "throw":
                    throw new InvalidPluginExecutionException("The probe refused this save.");
                case "touch":
                    service.Update(new Entity(context.PrimaryEntityName, context.PrimaryEntityId) { ["description"] = context.Depth.ToString(CultureInfo.InvariantCulture) });
                    break;
                case "child":
                    var create = new Microsoft.Xrm.Sdk.Messages.CreateRequest
                    {
                        Target = new Entity("contact") { ["parentcustomerid"] = new EntityReference(context.PrimaryEntityName, context.PrimaryEntityId) },
                    };
                    create.Parameters["tag"] = "probe-tag";
                    service.Execute(create);
                    break;
                default:
                    throw new InvalidOperationException("Unknown probe behaviour " + _behaviour);
            }
        }

        private static string Keys(Entity? image) =>
            image is null ? "(none)" : string.Join(",", image.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
