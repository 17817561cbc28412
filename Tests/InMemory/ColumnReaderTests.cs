using System;
using LoyaltyHealth.InMemory.Storage;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.InMemory
{
    /// <summary>
    /// A query's column reader remembers where each table keeps the column, and reads what the table reads by name:
    /// for rows of tables that alternate (the activity pointer's), for the id and row version, and for a column a
    /// write adds after the reader first looked for it.
    /// </summary>
    public class ColumnReaderTests
    {
        [Test]
        public void Rows_of_alternating_tables_read_as_each_table_reads_the_column_by_name()
        {
            var email = new Table("email", "activityid", isActivity: true);
            var task = new Table("task", "activityid", isActivity: true);
            // The tables keep the subject at different ordinals.
            var emailRow = Row(email, ("description", "body"), ("subject", "Quarterly review"));
            var taskRow = Row(task, ("subject", "Call back"));
            var readers = new[] { new ColumnReader("subject"), new ColumnReader("activityid"), new ColumnReader(Table.VersionNumberColumn), new ColumnReader("regardingobjectid") };

            for (int pass = 0; pass < 3; pass++)
            {
                foreach (var (table, row) in new[] { (email, emailRow), (task, taskRow) })
                {
                    foreach (var reader in readers)
                    {
                        Assert.That(table.ValueAt(row, reader.PositionIn(table)), Is.EqualTo(table.Get(row, reader.Name)), $"{table.Name}.{reader.Name}");
                    }
                }
            }

            Assert.That(email.ValueAt(emailRow, readers[0].PositionIn(email)), Is.EqualTo("Quarterly review"));
            Assert.That(task.ValueAt(taskRow, readers[0].PositionIn(task)), Is.EqualTo("Call back"));
            Assert.That(task.ValueAt(taskRow, readers[1].PositionIn(task)), Is.EqualTo(taskRow.Id));
            Assert.That(readers[3].PositionIn(task), Is.EqualTo(Table.AbsentPosition));
        }

        [Test]
        public void A_column_absent_when_first_looked_for_is_read_once_a_write_adds_it()
        {
            var table = new Table("contact", "contactid", isActivity: false);
            var row = Row(table, ("firstname", "Ada"));
            var reader = new ColumnReader("jobtitle");
            Assert.That(reader.PositionIn(table), Is.EqualTo(Table.AbsentPosition));

            table.Set(row, "jobtitle", "Buyer");

            Assert.That(table.ValueAt(row, reader.PositionIn(table)), Is.EqualTo("Buyer"));
        }

        private static Row Row(Table table, params (string Column, object Value)[] values)
        {
            var row = new Row(Guid.NewGuid());
            foreach (var (column, value) in values)
            {
                table.Set(row, column, value);
            }

            table.Insert(row);
            return row;
        }
    }
}
