using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>One account with every row it needs for its recalculation, and what was left out of it.</summary>
    /// <remarks>The rows are only to be seeded into the account's organisation (<see cref="SeedRow"/>); the account goes through the pipeline as an entity.</remarks>
    public sealed record AccountSlice(Entity Account, IReadOnlyList<SeedRow> Rows, IReadOnlyList<DataNote> Warnings);

    /// <summary>
    /// An export staged once in an embedded SQLite file, kept by region of accounts, so a run holds one region's
    /// rows at a time instead of the whole organisation. Each record goes to the account it counts toward:
    /// a contact to its parent account (through a parent contact too), an opportunity to its account, an
    /// activity to the account of what it regards and to the accounts of the contacts taking part, a history
    /// row to its account. In memory stay only the small maps that resolve those links (account, contact and
    /// opportunity ids, each with the ordinal of the account it leads to: <see cref="AccountLinks"/>; never
    /// activities); the accounts' names and ids wait in the file with the rows. Records dated after the as-of moment are excluded and counted
    /// per account; records that count toward no account in the file are listed as notes.
    /// </summary>
    public sealed class ExportStaging : IDisposable
    {
        private const int NoAccount = -1;
        public const int ListedOrphans = 5;

        private readonly DateTime _asOf;
        private readonly ScratchDatabase _database;
        private readonly SqliteConnection _db;
        private SqliteTransaction? _transaction;
        private SqliteInsert? _insertPending, _insertAccount;
        private readonly RegionChunks _regions;
        private readonly ArrayBufferWriter<byte> _payload = new(1024);
        private readonly List<int> _others = new();
        private readonly List<RecordLink> _unresolved = new();
        private readonly List<RecordLink> _contacts = new();
        private readonly EntityRecord _entityRecord = new();
        private readonly Dictionary<Guid, int> _accounts = new();
        // The bytes of rows each account holds, its own and those it shares, by ordinal: what a sweep of its region reads for it.
        private readonly List<long> _accountBytes = new();
        private readonly AccountLinks _contactParent = new();
        private readonly AccountLinks _opportunityAccount = new();
        // The maps' entries (accounts, contacts, opportunities): the managed heap's limit is kept above them.
        private long _links;
        private readonly HeapLimit _heap;
        // Counted apart from the map: an account that appears twice takes a second ordinal until the repeat is refused once the file is read (UniqueRecordIds).
        private int _accountCount, _excludedAccounts;
        // Records whose export left out a column the score depends on, for the notes (each account's own count is its slice's warning).
        private int _accountsWithoutCreatedOn;
        private long _activitiesWithoutStatus;
        private long _sequence;
        private readonly int _accountsPerRegion;
        private readonly long _regionBytesRead;
        private readonly NamePool _names = new();
        // The account, which goes through the pipeline as a request's target, shares no value with its rows.
        private readonly SharedValues _shared = new(unsharedTable: AccountSchema.EntityName);
        // The last slice's size, the next slice's likely one: its list of rows is made that size at once.
        private int _lastSliceRows = 16;

        /// <param name="accountsPerRegion">How many accounts' rows share a region of the staging file (see <see cref="RowKey"/>).</param>
        /// <param name="regionBytesRead">The most bytes of rows a region's sweep holds at once (see <see cref="Slices"/>).</param>
        /// <param name="heap">The managed heap's limit, raised as the maps grow; by default this process's.</param>
        public ExportStaging(DateTime asOf, string? folder = null, int accountsPerRegion = DefaultAccountsPerRegion, int regionBytesRead = DefaultRegionBytesRead,
            HeapLimit? heap = null)
        {
            _heap = heap ?? HeapLimit.OfThisProcess();
            if (accountsPerRegion < 1) throw new ArgumentOutOfRangeException(nameof(accountsPerRegion), accountsPerRegion, "At least one account per region.");
            _asOf = asOf;
            _accountsPerRegion = accountsPerRegion;
            _regionBytesRead = regionBytesRead;
            // 16 KB pages: staging appends millions of rows, and larger pages cut SQLite's work per row (inserting 530,000
            // rows of staging's size took about 0.75 s of processor time instead of 1.0 to 1.3 s with the default 4 KB).
            _database = new ScratchDatabase("staging", folder, "PRAGMA page_size=16384; PRAGMA cache_size=-32768;");
            _db = _database.Connection;
            _regions = new RegionChunks(_db, Execute);
            Execute("CREATE TABLE pending(seq INTEGER NOT NULL, tbl TEXT NOT NULL, id BLOB NOT NULL);" +
                    "CREATE TABLE accounts(ordinal INTEGER PRIMARY KEY, id BLOB NOT NULL, name TEXT NOT NULL, excluded INTEGER NOT NULL);");
            Begin();
        }

        /// <summary>The moment the run scores as of; records dated later are excluded.</summary>
        public DateTime AsOf => _asOf;

        /// <summary>Records staged, excluded as dated after the as-of moment, and in no account.</summary>
        public long Records { get; private set; }
        public long ExcludedAfterAsOf { get; private set; }
        public long Orphans { get; private set; }

        /// <summary>Accounts whose rows share a region of the staging file: about 8 MB of rows at 100 activities an account, a quarter of SQLite's cache.</summary>
        public const int DefaultAccountsPerRegion = 256;

        /// <summary>
        /// A row's key: the region of its account (one for every <see cref="DefaultAccountsPerRegion"/> accounts in the order they
        /// were read; region 0 for a row whose account is not yet known), then its place in the file. An export lists each table's
        /// records by id, that is by when they were created, so an account's records lie all over its tables; kept in file order
        /// alone, a slice's rows would each be on a page of its own across the whole file (20,000 x 100 with its records shuffled
        /// within each table scored in 22.1 s that way, against 12.2-13.3 s in account order). Kept by region, the rows are appended
        /// to their region while staging (<see cref="RegionChunks"/>), a copy of a shared row to the region of each account sharing
        /// it, and <see cref="Slices"/> reads each region in one sweep, whatever the order of the file.
        /// </summary>
        private long RowKey(int account, long fileOrder) => RegionChunks.Key(RegionOf(account), fileOrder);

        private int RegionOf(int account) => account == NoAccount ? 0 : 1 + account / _accountsPerRegion;

        /// <summary>The ordinals of the accounts of the staged rows (-1: none) in the order the staging file keeps them, copies of shared rows left out.</summary>
        internal IEnumerable<int> AccountsInStorageOrder()
        {
            var accounts = new List<int>();
            foreach (var region in _regions.Regions())
                _regions.Sweep(region, (in ChunkRow row, ReadOnlySpan<byte> _) =>
                {
                    if (!row.Shared) accounts.Add(row.Account);
                });
            return accounts;
        }

        /// <summary>The accounts to score: those created by the as-of moment.</summary>
        public int AccountsToScore => _accountCount - _excludedAccounts;

        /// <summary>The staged accounts in file order, read from the staging file: id, name, and whether it was created after the as-of moment.</summary>
        public IEnumerable<(Guid Id, string Name, bool Excluded)> Accounts()
        {
            using var command = _db.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "SELECT id, name, excluded FROM accounts ORDER BY ordinal";
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return (new Guid((byte[])reader[0]), reader.GetString(1), reader.GetInt64(2) == 1);
        }

        /// <summary>Notes for the console and the report: excluded accounts and records in no account.</summary>
        public List<DataNote> Notes { get; } = new();

        public void Add(Entity record)
        {
            _entityRecord.Entity = record;
            Add(_entityRecord);
        }

        internal void Add(IStagingRecord record)
        {
            Records++;
            var excluded = After(record);
            if (excluded) ExcludedAfterAsOf++;
            var fileOrder = ++_sequence;
            var primary = NoAccount;
            _others.Clear();
            _unresolved.Clear();

            switch (record.Table)
            {
                case AccountSchema.EntityName:
                    primary = _accountCount++;
                    _accountBytes.Add(0);
                    _accounts[record.Id] = primary;
                    if (excluded) _excludedAccounts++;
                    if (CreatedOn(record) is null) _accountsWithoutCreatedOn++;
                    AddAccount(primary, record, excluded);
                    Linked();
                    break;
                case ContactSchema.EntityName:
                    var parent = record.Lookup(ContactSchema.ParentCustomerId);
                    _contactParent.Add(record.Id, parent, _accounts);
                    Attach(parent, ref primary);
                    Linked();
                    break;
                case OpportunitySchema.EntityName:
                    // The opportunity's account column names only accounts (parentaccountid).
                    var owner = record.Lookup(OpportunitySchema.ParentAccountId);
                    _opportunityAccount.Add(record.Id, owner is { } o ? new RecordLink(AccountSchema.EntityName, o.Id) : null, _accounts);
                    Attach(owner, ref primary);
                    Linked();
                    break;
                case HealthAssessmentSchema.EntityName:
                    Attach(record.Lookup(HealthAssessmentSchema.AccountId), ref primary);
                    break;
                default:
                    if (!record.Has(ActivitySchema.StateCode)) _activitiesWithoutStatus++;
                    Attach(record.Lookup(ActivitySchema.RegardingObjectId), ref primary);
                    _contacts.Clear();
                    record.PartyContacts(_contacts);
                    foreach (var contact in _contacts) Attach(contact, ref primary);
                    break;
            }

            var seq = RowKey(primary, fileOrder);
            _payload.ResetWrittenCount();
            if (!excluded) record.Encode(_payload, _names);
            var payload = _payload.WrittenSpan;
            var table = _names.Number(record.Table);
            // Only a row of no known account may be listed by its id (HoldResolved); the others carry it in their payload.
            Hold(primary, new ChunkRow(fileOrder, primary, excluded, Shared: false, table, primary == NoAccount ? record.Id : null), payload);
            foreach (var other in _others) Hold(other, new ChunkRow(fileOrder, other, excluded, Shared: true, table, null), payload);
            Span<byte> id = stackalloc byte[16];
            foreach (var target in _unresolved)
            {
                target.Id.TryWriteBytes(id);
                _insertPending!.Integer(1, seq).Text(2, target.Table!).Blob(3, id).Run();
            }
            if (_sequence % 100_000 == 0)
            {
                _transaction!.Commit();
                Begin();
            }
        }

        /// <summary>Counts the record toward the account a link leads to: the first such account is its own, the others hold a copy.</summary>
        private void Attach(RecordLink? link, ref int primary)
        {
            if (link is not { } target) return;
            var account = Resolve(target, out var known);
            if (!known) _unresolved.Add(target);
            else if (account is { } a)
            {
                if (primary == NoAccount) primary = a;
                else if (a != primary && !_others.Contains(a)) _others.Add(a);
            }
        }

        /// <summary>Resolves links to records that came later in the file and lists the records in no account.</summary>
        public void Finish()
        {
            var resolved = new List<(long Seq, int Account)>();
            using (var pending = _db.CreateCommand())
            {
                pending.Transaction = _transaction;
                pending.CommandText = "SELECT seq, tbl, id FROM pending";
                using var reader = pending.ExecuteReader();
                while (reader.Read())
                {
                    var target = new RecordLink(reader.GetString(1), new Guid((byte[])reader[2]));
                    if (Resolve(target, out _) is { } account) resolved.Add((reader.GetInt64(0), account));
                }
            }
            foreach (var insert in new[] { _insertPending, _insertAccount }) insert?.Dispose();
            _insertPending = _insertAccount = null;
            _regions.Flush();
            HoldResolved(resolved);
            _regions.Flush();
            _transaction!.Commit();
            _transaction = null;
            if (_excludedAccounts > 0)
                Notes.Add(DataNote.Of(NoteTexts.ExcludedAccounts, _excludedAccounts, AsOfText));
            if (ExcludedAfterAsOf > 0)
                Notes.Add(DataNote.Of(NoteTexts.ExcludedRecords, ExcludedAfterAsOf, AsOfText));
            if (_accountsWithoutCreatedOn > 0)
                Notes.Add(DataNote.Of(NoteTexts.NoCreatedOn, _accountsWithoutCreatedOn));
            if (_activitiesWithoutStatus > 0)
                Notes.Add(DataNote.Of(NoteTexts.NoStatus, _activitiesWithoutStatus));
        }

        /// <summary>
        /// Every account created by the as-of moment, with its rows, in file order; one at a time. Each region's rows, its
        /// accounts' own and those they share, are read in one sweep; where they exceed the bytes a sweep may hold
        /// (<see cref="DefaultRegionBytesRead"/>), the region is swept once for each run of its accounts that fits (an account
        /// larger than that alone), so memory stays bounded whatever the accounts' size.
        /// </summary>
        public IEnumerable<AccountSlice> Slices()
        {
            using var accounts = new SqliteQuery(_db, "SELECT ordinal, id FROM accounts WHERE excluded = 0 AND ordinal >= ?1 AND ordinal < ?2 ORDER BY ordinal");
            for (var first = 0; first < _accountCount; first += _accountsPerRegion)
            {
                var count = Math.Min(_accountsPerRegion, _accountCount - first);
                foreach (var (from, to) in SweepsOf(first, first + count))
                {
                    Read(RegionOf(first), from, to, _rows);
                    var inSweep = new List<(int Ordinal, Guid Id)>();
                    accounts.Start(1, from).Bind(2, to);
                    while (accounts.Next()) inSweep.Add(((int)accounts.Integer(0), new Guid(accounts.Bytes(1))));
                    foreach (var (ordinal, id) in inSweep) yield return Assemble(ordinal, id, _rows);
                }
            }
        }

        /// <summary>The most bytes of rows a region's sweep holds at once (a region of 256 accounts of 100 activities holds about 8 MB).</summary>
        public const int DefaultRegionBytesRead = 64 * 1024 * 1024;

        private readonly StagedRows _rows = new(), _accountRows = new();

        /// <summary>The runs of accounts, from <paramref name="first"/> up to <paramref name="end"/>, whose rows one sweep holds.</summary>
        private IEnumerable<(int From, int To)> SweepsOf(int first, int end)
        {
            long bytes = 0;
            var from = first;
            for (var account = first; account < end; account++)
            {
                if (account > from && bytes + _accountBytes[account] > _regionBytesRead)
                {
                    yield return (from, account);
                    from = account;
                    bytes = 0;
                }
                bytes += _accountBytes[account];
            }
            yield return (from, end);
        }

        public AccountSlice Slice(Guid accountId)
        {
            var ordinal = _accounts[accountId];
            // An account read on its own has its rows whatever their size, as its slice will.
            Read(RegionOf(ordinal), ordinal, ordinal + 1, _accountRows);
            return Assemble(ordinal, accountId, _accountRows);
        }

        /// <summary>Reads the rows a region holds for the accounts from <paramref name="from"/> up to <paramref name="to"/>, grouped by account.</summary>
        private void Read(int region, int from, int to, StagedRows into)
        {
            into.Clear();
            _regions.Sweep(region, (in ChunkRow row, ReadOnlySpan<byte> payload) =>
            {
                if (row.Account >= from && row.Account < to)
                    into.Add(row.Account, row.FileOrder, row.Excluded, row.Excluded ? _names.Of(row.Table) : null, payload);
            });
            into.GroupByAccount(from, to - from);
        }

        /// <summary>
        /// The account's slice from the rows its region holds for it, each once and in file order: a row it holds twice (its
        /// own and shared, or shared through two links) is read once, and each payload is decoded from the buffer it was read into.
        /// </summary>
        private AccountSlice Assemble(int ordinal, Guid accountId, StagedRows held)
        {
            var (at, end) = held.Of(ordinal);
            Entity? account = null;
            var rows = new List<SeedRow>(_lastSliceRows);
            SortedDictionary<string, int>? excluded = null;
            var withoutStatus = 0;
            _shared.Clear();
            long last = 0;
            for (; at < end; at++)
            {
                ref readonly var row = ref held[at];
                if (row.FileOrder == last) continue;
                last = row.FileOrder;
                if (row.Excluded)
                {
                    excluded ??= new SortedDictionary<string, int>(StringComparer.Ordinal);
                    excluded[row.Table!] = (excluded.TryGetValue(row.Table!, out var n) ? n : 0) + 1;
                    continue;
                }
                var record = RecordCodec.DecodeRow(held.Payload(row), _names, _shared);
                if (record.Table == AccountSchema.EntityName && record.Id == accountId) account = record.ToEntity();
                else
                {
                    rows.Add(record);
                    if (IsActivity(record.Table) && !Holds(record, ActivitySchema.StateCode)) withoutStatus++;
                }
            }

            _lastSliceRows = rows.Count;
            var warnings = excluded is null ? new List<DataNote>()
                : excluded.Select(p => DataNote.Of(NoteTexts.ExcludedOfTable, p.Value, p.Key)).ToList();
            // An account the export gives no created-on date is stamped by Dataverse's import as created by it, so the model
            // sees an account of 0 days and does not rate it as established. A live export written without the column
            // (TALXIS/platform-metadata's CmtPackage/live-export) gives every account so.
            if (account is not null && CreatedOn(new EntityRecord { Entity = account }) is null)
                warnings.Add(DataNote.Of(NoteTexts.AccountWithoutCreatedOn, 1));
            if (withoutStatus > 0) warnings.Add(DataNote.Of(NoteTexts.ActivitiesWithoutStatus, withoutStatus));
            return new AccountSlice(account!, rows, warnings);
        }

        /// <summary>Where a link leads: the account it counts toward; <paramref name="known"/> is false while its target has not been read yet.</summary>
        private int? Resolve(RecordLink target, out bool known)
        {
            known = true;
            for (var depth = 0; depth < 8; depth++)
            {
                switch (target.Table)
                {
                    case AccountSchema.EntityName:
                        if (_accounts.TryGetValue(target.Id, out var ordinal)) return ordinal;
                        known = false;
                        return null;
                    case ContactSchema.EntityName:
                    case OpportunitySchema.EntityName:
                        var links = target.Table == ContactSchema.EntityName ? _contactParent : _opportunityAccount;
                        if (!links.TryGet(target.Id, out var account, out var next)) { known = false; return null; }
                        if (next is not { } onward) return account;
                        target = onward;
                        continue;
                    default:
                        return null;
                }
            }
            return null;
        }

        /// <summary>
        /// Gives each record whose link was resolved once the file was read to the accounts the link leads to: a copy of its row
        /// goes to each account's region, from one sweep of each region holding such records; the rows of region 0 (no account
        /// known when read) that lead to none are listed as notes.
        /// </summary>
        private void HoldResolved(List<(long Seq, int Account)> resolved)
        {
            resolved.Sort();
            var regions = resolved.Select(r => RegionChunks.RegionOf(r.Seq)).Append(0).Distinct().Order().ToList();
            var byTable = new SortedDictionary<string, (int Count, List<Guid> First)>(StringComparer.Ordinal);
            var next = 0;
            foreach (var region in regions)
            {
                while (next < resolved.Count && RegionChunks.RegionOf(resolved[next].Seq) < region) next++;
                _regions.Sweep(region, (in ChunkRow row, ReadOnlySpan<byte> payload) =>
                {
                    if (row.Shared) return;
                    var seq = RegionChunks.Key(region, row.FileOrder);
                    var leads = false;
                    for (; next < resolved.Count && resolved[next].Seq <= seq; next++)
                    {
                        if (resolved[next].Seq < seq) continue;
                        leads = true;
                        var account = resolved[next].Account;
                        // The same account twice (two links to it), or the row's own: held once.
                        if (account == row.Account || next > 0 && resolved[next - 1] == resolved[next]) continue;
                        Hold(account, row with { Account = account, Shared = true, Id = null }, payload);
                    }
                    if (region != 0 || leads) return;
                    Orphans++;
                    var table = _names.Of(row.Table);
                    var entry = byTable.TryGetValue(table, out var e) ? e : (0, new List<Guid>());
                    if (entry.Item2.Count < ListedOrphans) entry.Item2.Add(row.Id!.Value);
                    byTable[table] = (entry.Item1 + 1, entry.Item2);
                });
            }
            foreach (var (table, (count, first)) in byTable)
                Notes.Add(DataNote.Of(NoteTexts.InNoAccount, count, table, string.Join(", ", first) + (count > first.Count ? ", …" : "")));
        }

        /// <summary>Appends a row to the region of the account it is held for, counting its bytes toward the account.</summary>
        private void Hold(int account, in ChunkRow row, ReadOnlySpan<byte> payload)
        {
            _regions.Append(RegionOf(account), row, payload);
            if (account != NoAccount) _accountBytes[account] += payload.Length;
        }

        private string AsOfText => _asOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

        private bool After(IStagingRecord record)
        {
            if (CreatedOn(record) > _asOf) return true;
            if (record.Date(ActivitySchema.ActualEnd) > _asOf) return true;
            return record.Date(HealthAssessmentSchema.AssessedOn) > _asOf;
        }

        /// <summary>Whether a table staging keeps is an activity table: every one but account, contact, opportunity and the assessment history (as <see cref="Add(IStagingRecord)"/> sorts them).</summary>
        private static bool IsActivity(string table) =>
            table is not (AccountSchema.EntityName or ContactSchema.EntityName or OpportunitySchema.EntityName or HealthAssessmentSchema.EntityName);

        private static bool Holds(SeedRow row, string column)
        {
            foreach (var pair in row.Columns)
                if (string.Equals(pair.Key, column, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>When the record was created, as the import keeps it: its "record created on" date, else its createdon.</summary>
        internal static DateTime? CreatedOn(IStagingRecord record) => record.Date(RecordCreatedOn) ?? record.Date(AccountSchema.CreatedOn);

        private const string RecordCreatedOn = "overriddencreatedon";

        private void Linked()
        {
            if (++_links % HeapLimit.LinksPerCheck == 0) _heap.Hold(_links);
        }

        private void AddAccount(int ordinal, IStagingRecord account, bool excluded)
        {
            Span<byte> id = stackalloc byte[16];
            account.Id.TryWriteBytes(id);
            _insertAccount!.Integer(1, ordinal).Blob(2, id).Text(3, account.Text(AccountSchema.Name) ?? account.Id.ToString()).Integer(4, excluded ? 1 : 0).Run();
        }

        private void Begin()
        {
            _transaction = _db.BeginTransaction();
            _insertPending ??= new SqliteInsert(_db, "INSERT INTO pending(seq, tbl, id) VALUES (?1, ?2, ?3)");
            _insertAccount ??= new SqliteInsert(_db, "INSERT INTO accounts(ordinal, id, name, excluded) VALUES (?1, ?2, ?3, ?4)");
        }

        private void Execute(string sql) => _database.Execute(sql, _transaction);

        public void Dispose()
        {
            _regions.Dispose();
            _insertPending?.Dispose();
            _insertAccount?.Dispose();
            _transaction?.Dispose();
            _database.Dispose();
        }
    }
}
