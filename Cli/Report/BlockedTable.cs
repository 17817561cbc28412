using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>
    /// A table of any number of rows that a browser opens quickly. The first <see cref="RowsPerBlock"/> rows sit in the table
    /// with its id and header; each further block is a table of its own in a <c>more-rows</c> box that the browser lays out only
    /// when it scrolls near (CSS <c>content-visibility: auto</c>; the rows are still found by the browser's search). Every
    /// block has the same fixed column widths, so the columns line up as one table. Without it the report of 50,000 accounts
    /// took 44 s to open in headless Chromium, 32 s of which were laying out its table.
    /// </summary>
    internal sealed class BlockedTable
    {
        public const int RowsPerBlock = 500;

        /// <summary>The report's style for these tables: fixed layout, and the blocks after the first laid out when near.</summary>
        public const string Style = ".blocked{table-layout:fixed}.more-rows{content-visibility:auto;contain-intrinsic-size:auto 15000px}";

        private readonly TextWriter _html;
        private readonly string _columns;
        private int _rows;

        /// <param name="columns">
        /// Each column's heading and its CSS width; a column without one shares what the others leave (the account's name).
        /// </param>
        public BlockedTable(TextWriter html, string id, IReadOnlyList<(string Heading, string? Width)> columns)
        {
            _html = html;
            _columns = "<colgroup>" + string.Concat(columns.Select(c => c.Width is null ? "<col>" : $"<col style=\"width:{c.Width}\">")) + "</colgroup>";
            html.Write($"<table id=\"{id}\" class=\"blocked\">{_columns}\n<thead><tr>");
            foreach (var column in columns) html.Write("<th>" + WebUtility.HtmlEncode(column.Heading) + "</th>");
            html.Write("</tr></thead>\n<tbody>\n");
        }

        /// <summary>Where the next row goes: the writer, after opening a new block when the current one is full.</summary>
        public TextWriter NextRow()
        {
            if (_rows > 0 && _rows % RowsPerBlock == 0)
            {
                CloseBlock();
                _html.Write($"<div class=\"more-rows\"><table class=\"blocked\">{_columns}\n<tbody>\n");
            }
            _rows++;
            return _html;
        }

        public void End() => CloseBlock();

        /// <summary>
        /// A width that holds the longest word of <paramref name="texts"/> (a heading and the values the column can show) in the
        /// header's bold type, with the cells' padding: a fixed layout cannot widen a column to its content, and the headings'
        /// words run to 17 letters in Finnish.
        /// </summary>
        public static string WordsWide(params string[] texts) => Wide(texts.SelectMany(t => t.Split(' ', '-')).Max(word => word.Length));

        /// <summary>A width that holds the longest of <paramref name="texts"/> on one line (a band's badge does not wrap).</summary>
        public static string TextsWide(params string[] texts) => Wide(texts.Max(text => text.Length));

        /// <summary>A width that holds something <paramref name="pixels"/> wide (a chart) with the cells' padding.</summary>
        public static string PixelsWide(int pixels) => $"calc({pixels}px + {CellPadding})";

        private static string Wide(int letters) => $"calc({(letters * 1.05m).ToString("0.#", CultureInfo.InvariantCulture)}ch + {CellPadding})";

        // The report's cells have 8 px of padding on either side; a little more keeps a bold heading off the next one.
        private const string CellPadding = "18px";

        private void CloseBlock() => _html.Write(_rows > RowsPerBlock ? "</tbody>\n</table></div>\n" : "</tbody>\n</table>\n");
    }
}
