using System;
using System.Collections.Generic;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>Which images a step image registration asks for (the values Dataverse stores).</summary>
    public enum ImageKind
    {
        PreImage = 0,
        PostImage = 1,
        Both = 2,
    }

    /// <summary>An entity image of a step: its alias and the columns it carries (null: every column).</summary>
    public sealed record ImageDefinition(string Alias, ImageKind Kind, IReadOnlySet<string>? Columns)
    {
        public bool IsPre => Kind is ImageKind.PreImage or ImageKind.Both;
        public bool IsPost => Kind is ImageKind.PostImage or ImageKind.Both;
    }

    /// <summary>
    /// One plugin step as the solution registers it: the plugin type, the message and table it runs on,
    /// where in the pipeline, in which order, and what it is given.
    /// </summary>
    public sealed record StepDefinition
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        /// <summary>
        /// The plugin's full type name, without the assembly part: given by a plain assembly's step, or
        /// resolved from <see cref="PluginTypeExportKey"/> when the registrations are bound.
        /// </summary>
        public string PluginTypeName { get; init; } = "";
        /// <summary>The export key of a plugin package's type the step binds to, as current exports write it.</summary>
        public string? PluginTypeExportKey { get; init; }
        public string Message { get; init; } = "";
        /// <summary>The primary table, or null for a step on any table or on an unbound message.</summary>
        public string? PrimaryEntity { get; init; }
        public int Stage { get; init; }
        /// <summary>0 synchronous, 1 asynchronous.</summary>
        public int Mode { get; init; }
        public int Rank { get; init; }
        /// <summary>Empty: the step fires on every Update.</summary>
        public IReadOnlySet<string> FilteringAttributes { get; init; } = new HashSet<string>();
        public IReadOnlyList<ImageDefinition> Images { get; init; } = Array.Empty<ImageDefinition>();
        public string? UnsecureConfiguration { get; init; }
        public string? SecureConfiguration { get; init; }
        /// <summary>The file the step was read from, for messages that point at it.</summary>
        public string Source { get; init; } = "";

        public bool IsAsynchronous => Mode == StepModes.Asynchronous;

        public override string ToString() =>
            $"{Name} ({Message} of {PrimaryEntity ?? "any table"}, stage {Stage}, {(IsAsynchronous ? "asynchronous" : "synchronous")}, rank {Rank})";
    }

    /// <summary>Stage and mode values as Dataverse stores them.</summary>
    public static class StepModes
    {
        public const int Synchronous = 0;
        public const int Asynchronous = 1;

        public const int PreValidation = 10;
        public const int PreOperation = 20;
        public const int MainOperation = 30;
        public const int PostOperation = 40;
    }
}
