using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// One account scored: its stored result and the organization-service requests it took, of which
    /// <paramref name="ImportRequests"/> were the import's own (the rest are the product's plugins').
    /// </summary>
    public sealed record AccountOutcome(AccountResult Result, int Requests, int ImportRequests, IReadOnlyDictionary<string, int> RequestsByMessage);

    /// <summary>
    /// Replays one account's slice of an export through the real plugins in a fresh, small local
    /// organisation: the account's contacts, opportunities, activities and history are put in place as the
    /// environment holds them (they exist before the import's system jobs run), the account itself is
    /// created through the pipeline as a bulk import creates it, its stored assessment is put back as
    /// Dataverse holds it, and the system jobs run. In a bulk import every further record's job finds the
    /// account already covered by that one recalculation, so the outcome is the import's, without the
    /// 200 creates and no-op jobs per account. The organisation is dropped afterwards: a run holds one slice
    /// per worker, never the whole organisation.
    /// </summary>
    public sealed class AccountReplay
    {
        /// <summary>
        /// The import's own requests for an account: its Create. An import makes it with or without the product;
        /// every other request the organisation counts is made by the product's plugins.
        /// </summary>
        public const int ImportRequestsPerAccount = 1;
        private readonly SolutionRegistrations _registrations;
        private readonly OrganisationSchema _schema;
        private readonly string _policyJson;
        private readonly TrendPolicy _trend;
        private readonly DateTime _asOf;
        private readonly LocalPipelineOptions _options;
        private readonly UiText _text;

        public AccountReplay(SolutionRegistrations boundRegistrations, OrganisationSchema schema, string policyJson, DateTime asOf)
        {
            _registrations = boundRegistrations;
            _schema = schema;
            _policyJson = policyJson;
            var policy = PolicyLoader.Load(policyJson);
            _trend = policy.Trend;
            // The policy's language is the run's: --language sets it, and the plugins write the reasons in it.
            _text = new UiText(policy.Explanations.Language);
            _asOf = asOf;
            // One set of plugin instances for every account's organisation, as Dataverse keeps its instances;
            // each organisation's data, queue and traces stay its own.
            var plugins = new LocalPipelineOptions().PluginAssemblies;
            _options = new LocalPipelineOptions { KeepTraces = true, SharedActivator = new PluginActivator(plugins) };
        }

        /// <summary>The organisation after the account's import and recalculation (for explain).</summary>
        public LocalOrganisation Organisation(AccountSlice slice)
        {
            var organisation = new LocalOrganisation(_registrations, _schema, _asOf, _options);
            organisation.SeedPolicy(_policyJson);
            // As the environment stores them: the store takes a row's "record created on" date (overriddencreatedon) as its createdon.
            // The slice's rows were decoded for this organisation alone and are only read afterwards, so their values are handed over, not copied.
            organisation.Store.SeedHandedOver(slice.Rows);
            organisation.Store.ResetRequestCount();
            organisation.Create(slice.Account);
            var history = slice.Rows.Where(r => r.Table == HealthAssessmentSchema.EntityName).Select(r => r.ToEntity());
            if (PreviousAssessments.Columns(slice.Account, history, _trend) is { } stored) organisation.Store.SeedUpdate(stored);
            organisation.RunSystemJobs();
            return organisation;
        }

        public AccountOutcome Score(AccountSlice slice)
        {
            var organisation = Organisation(slice);
            var requests = organisation.Store.RequestCount;
            var byMessage = organisation.Store.RequestCountsByMessage;
            var failed = organisation.Pipeline.FailedJobs.FirstOrDefault();
            var result = ResultReader.Read(organisation.Store, slice.Account.Id);
            result = result with
            {
                Error = failed is null ? null : $"{failed.Step.Name}: {FirstLine(failed.Error)}",
                Warnings = WithNotes(Words(slice.Warnings), organisation.Pipeline.Traces),
            };
            return new AccountOutcome(result, requests, ImportRequestsPerAccount, byMessage);
        }

        /// <summary>The slice's warnings in the run's language.</summary>
        public List<string> Words(IReadOnlyList<DataNote> warnings) => warnings.Select(_text.Note).ToList();

        /// <summary>The slice's warnings, then each distinct note the plugins traced about what they ignored, in the order traced; all in the run's language.</summary>
        private List<string> WithNotes(List<string> all, IReadOnlyList<StepTrace> traces)
        {
            HashSet<string>? notes = null;
            foreach (var trace in traces)
            {
                foreach (var line in trace.Lines)
                {
                    // The plugins' tracing service puts the time since its previous line before each message.
                    var message = LocalTracingService.Message(line);
                    if (!message.StartsWith(IgnoredInput.TracePrefix, StringComparison.Ordinal)) continue;
                    var note = message.Substring(IgnoredInput.TracePrefix.Length);
                    if ((notes ??= new HashSet<string>(StringComparer.Ordinal)).Add(note)) all.Add(InRunLanguage(note));
                }
            }
            return all;
        }

        /// <summary>A traced note in the run's language; words no kind of <see cref="IgnoredInput"/> wrote stay as traced.</summary>
        private string InRunLanguage(string traced) =>
            IgnoredInput.TryRead(traced, out var input) ? _text.Note(DataNote.Of(NoteTexts.Ignored + input!.Kind, 1, input.Record.ToString("D"), input.Value ?? "")) : traced;

        private static string FirstLine(string? text) => (text ?? "unknown error").Split('\n')[0].Trim();
    }
}
