using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Storage
{
    // What undoes each write made inside an open transaction, newest last. Transactions nest as savepoints:
    // a failed inner one undoes back to where it began, and only the outermost one's success forgets.
    // Outside a transaction nothing is recorded, so Seed and plain requests pay one check per write.
    internal sealed class UndoJournal
    {
        private readonly List<Action> _undo = new List<Action>();
        private int _open;
        private int _suspended;

        public bool Recording => _open > 0 && _suspended == 0;

        public int Begin()
        {
            _open++;
            return _undo.Count;
        }

        public void Commit()
        {
            if (--_open == 0)
            {
                _undo.Clear();
            }
        }

        public void Rollback(int savepoint)
        {
            for (int i = _undo.Count - 1; i >= savepoint; i--)
            {
                _undo[i]();
            }

            _undo.RemoveRange(savepoint, _undo.Count - savepoint);
            _open--;
        }

        public void Record(Action undo)
        {
            if (Recording)
            {
                _undo.Add(undo);
            }
        }

        // Writes made while suspended belong to no transaction (a concurrent writer a test slips in).
        public void Suspend() => _suspended++;

        public void Resume() => _suspended--;
    }
}
