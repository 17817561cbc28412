using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// Ctrl+C (SIGINT) or SIGTERM while an export or environment is being staged or scored, or an organisation
    /// generated or benchmarked, asks the run to stop cleanly, so its staging, result and generated files (gigabytes
    /// for a large export) are removed and nothing is written, instead of the runtime ending the process where it
    /// stands. Outside such a run, and on a second signal, the process ends at once as it would without this.
    /// </summary>
    internal static class Interruption
    {
        private static readonly CancellationTokenSource Source = new();
        private static int _listening;
        private static PosixSignalRegistration? _interrupt, _terminate;

        /// <summary>Cancelled once a signal arrived while a run was listening.</summary>
        public static CancellationToken Token => Source.Token;

        /// <summary>Called once by the process's entry point; the tests run commands in-process without it.</summary>
        public static void Install()
        {
            _interrupt ??= PosixSignalRegistration.Create(PosixSignal.SIGINT, Request);
            _terminate ??= PosixSignalRegistration.Create(PosixSignal.SIGTERM, Request);
        }

        /// <summary>While the returned scope is open, a signal stops the run through <see cref="Token"/>.</summary>
        public static IDisposable Listen()
        {
            Interlocked.Increment(ref _listening);
            return new Scope();
        }

        /// <summary>
        /// The records of <paramref name="source"/>, stopping with an <see cref="OperationCanceledException"/> once a
        /// signal arrived: for the runs that write a generated organisation, which hold no staging of their own.
        /// </summary>
        public static IEnumerable<T> Checked<T>(IEnumerable<T> source)
        {
            foreach (var item in source)
            {
                Token.ThrowIfCancellationRequested();
                yield return item;
            }
        }

        private static void Request(PosixSignalContext context)
        {
            if (Volatile.Read(ref _listening) == 0 || Source.IsCancellationRequested) return;
            context.Cancel = true;
            Source.Cancel();
        }

        private sealed class Scope : IDisposable
        {
            private int _closed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _closed, 1) == 0) Interlocked.Decrement(ref _listening);
            }
        }
    }
}
