using System;
using System.Collections.Generic;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Pipeline.Execution
{
    public enum SystemJobStatus
    {
        Waiting,
        Succeeded,
        Failed,
    }

    /// <summary>
    /// An asynchronous step queued by an operation, as Dataverse keeps it in its system jobs: run after
    /// the operation completed, with the time it was queued as its operation time, and, when it fails,
    /// the error and the plug-in trace.
    /// </summary>
    public sealed class SystemJob
    {
        internal SystemJob(long sequence, StepDefinition step, PluginExecutionContext context)
        {
            Sequence = sequence;
            Step = step;
            Context = context;
            Message = context.MessageName;
            Table = context.PrimaryEntityName;
            PrimaryEntityId = context.PrimaryEntityId;
            QueuedOn = context.OperationCreatedOn;
        }

        public long Sequence { get; }
        public StepDefinition Step { get; }
        public string Message { get; }
        public string Table { get; }
        public Guid PrimaryEntityId { get; }
        public DateTime QueuedOn { get; }
        public SystemJobStatus Status { get; internal set; } = SystemJobStatus.Waiting;
        public string? Error { get; internal set; }
        public IReadOnlyList<string> Trace { get; internal set; } = Array.Empty<string>();

        /// <summary>Held only while the job waits, so a long queue of finished jobs costs little memory.</summary>
        internal PluginExecutionContext? Context { get; set; }

        public override string ToString() =>
            $"#{Sequence} {Step.Name} for {Table} {PrimaryEntityId}, queued {QueuedOn:o}: {Status}{(Error is null ? "" : " — " + Error)}";
    }
}
