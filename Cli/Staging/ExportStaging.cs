using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>One account with every row it needs for its recalculation, and what was left out of it.</summary>
    public sealed record AccountSlice(Entity Account, IReadOnlyList<Entity> Rows, IReadOnlyList<string> Warnings);

    /// <summary>
    /// An export staged once in an embedded SQLite file, indexed by account, so a run holds one account's
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
        private SqliteInsert? _insertMember, _insertPending, _insertAccount;
        private readonly RegionTables _regions;
        private readonly ArrayBufferWriter<byte> _payload = new(1024);
        private readonly List<int> _others = new();
        private readonly List<RecordLink> _unresolved = new();
        private readonly List<RecordLink> _contacts = new();
        private readonly EntityRecord _entityRecord = new();
        private readonly Dictionary<Guid, int> _accounts = new();
        private readonly AccountLinks _contactParent = new();
        private readonly AccountLinks _opportunityAccount = new();
        // Counted apart from the map: an account that appears twice takes a second ordinal until the repeat is refused once the file is read (UniqueRecordIds).
        private int _accountCount, _excludedAccounts;
        private long _sequence;
        private readonly int _accountsPerRegion;
        private readonly long _regionBytesRead;
        private readonly NamePool _names = new();
        // The account, which goes through the pipeline as a request's target, shares no value with its rows.
        private readonly SharedValues _shared = new(unsharedTable: AccountSchema.EntityName);
        private SqliteQuery? _memberRows;
        // The last slice's size, the next slice's likely one: its list of rows is made that size at once.
        private int _lastSliceRows = 16;

        /// <param name="accountsPerRegion">How many accounts' rows share a region of the staging file (see <see cref="RowKey"/>).</param>
        /// <param name="regionBytesRead">The most bytes of rows a region's sweep holds at once (see <see cref="Slices"/>).</param>
        public ExportStaging(DateTime asOf, string? folder = null, int accountsPerRegion = DefaultAccountsPerRegion, int regionBytesRead = DefaultRegionBytesRead)
        {
            if (accountsPerRegion < 1) throw new ArgumentOutOfRangeException(nameof(accountsPerRegion), accountsPerRegion, "At least one account per region.");
            _asOf = asOf;
            _accountsPerRegion = accountsPerRegion;
            _regionBytesRead = regionBytesRead;
            // 16 KB pages: staging appends millions of rows, and larger pages cut SQLite's work per row (inserting 530,000
            // rows of staging's size took about 0.75 s of processor time instead of 1.0 to 1.3 s with the default 4 KB).
            _database = new ScratchDatabase("staging", folder, "PRAGMA page_size=16384; PRAGMA cache_size=-32768;");
            _db = _database.Connection;
            _regions = new RegionTables(_db, Execute);
            Execute("CREATE TABLE members(account INTEGER NOT NULL, seq INTEGER NOT NULL, ord INTEGER NOT NULL);" +
                    "CREATE TABLE pending(seq INTEGER NOT NULL, tbl TEXT NOT NULL, id BLOB NOT NULL);" +
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

        private const long FileOrderMask = RegionTables.FileOrderMask;

        /// <summary>
        /// A row's key in the staging file: the region of its account (one for every <see cref="DefaultAccountsPerRegion"/> accounts
        /// in the order they were read; region 0 for a row whose account is not yet known), then its place in the file. An export
        /// lists each table's records by id, that is by when they were created, so an account's records lie all over its tables;
        /// keyed by place alone, a slice's rows would each be on a page of its own across the whole file (20,000 x 100 with its
        /// records shuffled within each table scored in 22.1 s that way, against 12.2-13.3 s in account order). Keyed by region, the
        /// rows are appended at the end of their region's table while staging (<see cref="RegionTables"/>), and <see cref="Slices"/>
        /// reads each region's table in one sweep, whatever the order of the file; a table's index by account holds only keys,
        /// and is made only for a region read account by account (<see cref="RegionTables.OfAccount"/>). From 37e3b17 to
        /// bdb86da the index held the payloads where the file was not in account order, so it put them on disk twice (694 MB at
        /// 20,000 x 100 by creation, where the region tables take 401 MB) and was sorted after the file was read (8.0 s at 50,000 x 100).
        /// </summary>
        private long RowKey(int account, long fileOrder) => RegionTables.Key(RegionOf(account), fileOrder);

        private int RegionOf(int account) => account == NoAccount ? 0 : 1 + account / _accountsPerRegion;

        /// <summary>The ordinals of the accounts of the staged rows (-1: none) in the order the staging file keeps them.</summary>
        internal IEnumerable<int> AccountsInStorageOrder()
        {
            foreach (var region in _regions.Regions().ToList())
            {
                using var command = _db.CreateCommand();
                command.Transaction = _transaction;
                command.CommandText = $"SELECT account FROM {RegionTables.Table(region)} ORDER BY seq";
                using var reader = command.ExecuteReader();
                while (reader.Read()) yield return reader.GetInt32(0);
            }
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
        public List<string> Notes { get; } = new();

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
                    _accounts[record.Id] = primary;
                    if (excluded) _excludedAccounts++;
                    AddAccount(primary, record, excluded);
                    break;
                case ContactSchema.EntityName:
                    var parent = record.Lookup(ContactSchema.ParentCustomerId);
                    _contactParent.Add(record.Id, parent, _accounts);
                    Attach(parent, ref primary);
                    break;
                case OpportunitySchema.EntityName:
                    // The opportunity's account column names only accounts (parentaccountid).
                    var owner = record.Lookup(OpportunitySchema.ParentAccountId);
                    _opportunityAccount.Add(record.Id, owner is { } o ? new RecordLink(AccountSchema.EntityName, o.Id) : null, _accounts);
                    Attach(owner, ref primary);
                    break;
                case HealthAssessmentSchema.EntityName:
                    Attach(record.Lookup(HealthAssessmentSchema.AccountId), ref primary);
                    break;
                default:
                    Attach(record.Lookup(ActivitySchema.RegardingObjectId), ref primary);
                    _contacts.Clear();
                    record.PartyContacts(_contacts);
                    foreach (var contact in _contacts) Attach(contact, ref primary);
                    break;
            }

            var seq = RowKey(primary, fileOrder);
            Span<byte> id = stackalloc byte[16];
            record.Id.TryWriteBytes(id);
            var insert = _regions.Insert(RegionOf(primary)).Integer(1, seq).Integer(2, primary).Text(3, record.Table).Blob(4, id).Integer(5, excluded ? 1 : 0);
            if (excluded) insert.Null(6);
            else
            {
                _payload.ResetWrittenCount();
                record.Encode(_payload, _names);
                insert.Blob(6, _payload.WrittenSpan);
            }
            insert.Run();
            foreach (var other in _others) Member(other, seq);
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

        /// <summary>Counts the record toward the account a link leads to: the first such account is its own, the others hold it as a member.</summary>
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

        /// <summary>Resolves links to records that came later in the file, indexes by account and lists the records in no account.</summary>
        public void Finish()
        {
            using (var pending = _db.CreateCommand())
            {
                pending.Transaction = _transaction;
                pending.CommandText = "SELECT seq, tbl, id FROM pending";
                var resolved = new List<(int Account, long Seq)>();
                using (var reader = pending.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var target = new RecordLink(reader.GetString(1), new Guid((byte[])reader[2]));
                        if (Resolve(target, out _) is { } account) resolved.Add((account, reader.GetInt64(0)));
                    }
                }
                foreach (var (account, seq) in resolved) Member(account, seq);
            }
            foreach (var insert in new[] { _insertMember, _insertPending, _insertAccount }) insert?.Dispose();
            _insertMember = _insertPending = _insertAccount = null;
            _regions.Finish();
            Execute("CREATE INDEX members_by_account ON members(account, ord); CREATE INDEX members_by_seq ON members(seq);");
            _transaction!.Commit();
            _transaction = null;
            ListOrphans();
            if (_excludedAccounts > 0)
                Notes.Add($"{_excludedAccounts} accounts created after the as-of moment {_asOf:yyyy-MM-dd HH:mm} UTC were left out, with their records");
            if (ExcludedAfterAsOf > 0)
                Notes.Add($"{ExcludedAfterAsOf.ToString("N0", CultureInfo.InvariantCulture)} records dated after the as-of moment {_asOf:yyyy-MM-dd HH:mm} UTC were excluded (created or completed later; counted per account)");
        }

        /// <summary>
        /// Every account created by the as-of moment, with its rows, in file order; one at a time. Each region's own rows are
        /// read in one sweep of its stretch of the file (see <see cref="RowKey"/>), then the rows its accounts share; where the
        /// two exceed the bytes a sweep may hold (<see cref="DefaultRegionBytesRead"/>), the region is read account by account,
        /// so memory stays bounded whatever the accounts' size.
        /// </summary>
        public IEnumerable<AccountSlice> Slices()
        {
            using var accounts = new SqliteQuery(_db, "SELECT ordinal, id FROM accounts WHERE excluded = 0 AND ordinal >= ?1 AND ordinal < ?2 ORDER BY ordinal");
            for (var first = 0; first < _accountCount; first += _accountsPerRegion)
            {
                var count = Math.Min(_accountsPerRegion, _accountCount - first);
                // Every region of accounts has a table: each account is a row of its own region.
                bool swept;
                using (var region = _regions.Sweep(RegionOf(first)))
                {
                    swept = Read(region, _own, _regionBytesRead) && ReadMembers(first, count, _members, _regionBytesRead - _own.Bytes);
                }
                var inRegion = new List<(int Ordinal, Guid Id)>();
                accounts.Start(1, first).Bind(2, first + count);
                while (accounts.Next()) inRegion.Add(((int)accounts.Integer(0), new Guid(accounts.Bytes(1))));
                if (!swept)
                {
                    foreach (var (ordinal, id) in inRegion) yield return Slice(ordinal, id);
                    continue;
                }
                _own.GroupByAccount(first, count);
                foreach (var (ordinal, id) in inRegion) yield return Assemble(ordinal, id);
            }
        }

        /// <summary>The most bytes of rows a region's sweep holds at once (a region of 256 accounts of 100 activities holds about 8 MB).</summary>
        public const int DefaultRegionBytesRead = 64 * 1024 * 1024;

        private readonly StagedRows _own = new(), _members = new();

        public AccountSlice Slice(Guid accountId) => Slice(_accounts[accountId], accountId);

        private AccountSlice Slice(int ordinal, Guid accountId)
        {
            // An account read on its own has its rows whatever their size, as its slice will.
            Read(_regions.OfAccount(RegionOf(ordinal), ordinal), _accountRows, long.MaxValue);
            _accountRows.GroupByAccount(ordinal, 1);
            ReadMembers(ordinal, 1, _accountMembers, long.MaxValue);
            return Assemble(ordinal, accountId, _accountRows, _accountMembers);
        }

        private readonly StagedRows _accountRows = new(), _accountMembers = new();

        /// <summary>Reads the rows a query gives (account, file order, excluded, payload, table); false, holding none, when they exceed <paramref name="maxBytes"/>.</summary>
        private bool Read(SqliteQuery query, StagedRows into, long maxBytes)
        {
            into.Clear();
            while (query.Next())
            {
                if (Added(into, maxBytes, (int)query.Integer(0), query.Integer(1), query.Integer(2) == 1, query.Bytes(3), query.Bytes(4))) continue;
                query.Stop();
                return false;
            }
            return true;
        }

        /// <summary>Adds a row unless it takes the rows past <paramref name="maxBytes"/>; then they are cleared, and false.</summary>
        private bool Added(StagedRows into, long maxBytes, int account, long fileOrder, bool excluded, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> table)
        {
            if (into.Bytes + payload.Length > maxBytes)
            {
                into.Clear();
                return false;
            }
            into.Add(account, fileOrder, excluded, excluded ? _names.Of(table) : null, payload);
            return true;
        }

        /// <summary>
        /// The rows the accounts share with others (held in other accounts' regions), each account's in file order, each read
        /// by its key from its region's table; false, holding none, when they exceed <paramref name="maxBytes"/>.
        /// </summary>
        private bool ReadMembers(int first, int count, StagedRows into, long maxBytes)
        {
            _memberRows ??= new SqliteQuery(_db, "SELECT account, ord, seq FROM members WHERE account >= ?1 AND account < ?2 ORDER BY account, ord");
            var members = _memberRows.Start(1, first).Bind(2, first + count);
            into.Clear();
            while (members.Next())
            {
                var row = _regions.Row(members.Integer(2));
                if (!row.Next()) throw new InvalidOperationException($"Staged row {members.Integer(2)} shared with account {members.Integer(0)} is missing.");
                var added = Added(into, maxBytes, (int)members.Integer(0), members.Integer(1), row.Integer(0) == 1, row.Bytes(1), row.Bytes(2));
                row.Stop();
                if (added) continue;
                members.Stop();
                return false;
            }
            into.GroupByAccount(first, count);
            return true;
        }

        private AccountSlice Assemble(int ordinal, Guid accountId) => Assemble(ordinal, accountId, _own, _members);

        /// <summary>
        /// The account's slice from its own rows and the rows it shares, each once and in file order: both lists come in file
        /// order and are merged here, and each payload is decoded from the buffer it was read into.
        /// </summary>
        private AccountSlice Assemble(int ordinal, Guid accountId, StagedRows own, StagedRows members)
        {
            var (o, ownEnd) = own.Of(ordinal);
            var (m, membersEnd) = members.Of(ordinal);
            Entity? account = null;
            var rows = new List<Entity>(_lastSliceRows);
            SortedDictionary<string, int>? excluded = null;
            _shared.Clear();
            long last = 0;
            while (o < ownEnd || m < membersEnd)
            {
                var fromMembers = m < membersEnd && (o == ownEnd || members[m].FileOrder < own[o].FileOrder);
                var source = fromMembers ? members : own;
                ref readonly var row = ref source[fromMembers ? m++ : o++];
                // A row the account holds more than once (its own and shared, or shared twice) is read once.
                if (row.FileOrder == last) continue;
                last = row.FileOrder;
                if (row.Excluded)
                {
                    excluded ??= new SortedDictionary<string, int>(StringComparer.Ordinal);
                    excluded[row.Table!] = (excluded.TryGetValue(row.Table!, out var n) ? n : 0) + 1;
                    continue;
                }
                var record = RecordCodec.Decode(source.Payload(row), _names, _shared);
                if (record.LogicalName == AccountSchema.EntityName && record.Id == accountId) account = record;
                else rows.Add(record);
            }

            _lastSliceRows = rows.Count;
            var warnings = excluded is null ? new List<string>()
                : excluded.Select(p => $"{p.Value} {p.Key} records dated after the as-of moment were left out").ToList();
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

        private void ListOrphans()
        {
            // Only rows whose account was not known when they were read lie in region 0.
            if (!_regions.Holds(0)) return;
            using var command = _db.CreateCommand();
            command.CommandText = $"SELECT tbl, id FROM {RegionTables.Table(0)} r WHERE account = -1 AND NOT EXISTS (SELECT 1 FROM members m WHERE m.seq = r.seq) ORDER BY seq";
            var byTable = new SortedDictionary<string, (int Count, List<Guid> First)>(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Orphans++;
                var table = reader.GetString(0);
                var entry = byTable.TryGetValue(table, out var e) ? e : (0, new List<Guid>());
                if (entry.Item2.Count < ListedOrphans) entry.Item2.Add(new Guid((byte[])reader[1]));
                byTable[table] = (entry.Item1 + 1, entry.Item2);
            }
            foreach (var (table, (count, first)) in byTable)
                Notes.Add($"{count} {table} records count toward no account in the file (what they regard, their parent or their account is missing), so they were not used: " +
                          string.Join(", ", first) + (count > first.Count ? ", …" : ""));
        }

        private bool After(IStagingRecord record)
        {
            var created = record.Date("overriddencreatedon") ?? record.Date("createdon");
            if (created > _asOf) return true;
            if (record.Date(ActivitySchema.ActualEnd) > _asOf) return true;
            return record.Date(HealthAssessmentSchema.AssessedOn) > _asOf;
        }

        private void Member(int account, long seq) => _insertMember!.Integer(1, account).Integer(2, seq).Integer(3, seq & FileOrderMask).Run();

        private void AddAccount(int ordinal, IStagingRecord account, bool excluded)
        {
            Span<byte> id = stackalloc byte[16];
            account.Id.TryWriteBytes(id);
            _insertAccount!.Integer(1, ordinal).Blob(2, id).Text(3, account.Text(AccountSchema.Name) ?? account.Id.ToString()).Integer(4, excluded ? 1 : 0).Run();
        }

        private void Begin()
        {
            _transaction = _db.BeginTransaction();
            _insertMember ??= new SqliteInsert(_db, "INSERT INTO members(account, seq, ord) VALUES (?1, ?2, ?3)");
            _insertPending ??= new SqliteInsert(_db, "INSERT INTO pending(seq, tbl, id) VALUES (?1, ?2, ?3)");
            _insertAccount ??= new SqliteInsert(_db, "INSERT INTO accounts(ordinal, id, name, excluded) VALUES (?1, ?2, ?3, ?4)");
        }

        private void Execute(string sql) => _database.Execute(sql, _transaction);

        public void Dispose()
        {
            _regions.Dispose();
            _insertMember?.Dispose();
            _insertPending?.Dispose();
            _insertAccount?.Dispose();
            _memberRows?.Dispose();
            _transaction?.Dispose();
            _database.Dispose();
        }
    }
}
