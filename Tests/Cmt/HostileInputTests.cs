using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Tests.Cli;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>Hostile or broken files end in one clear line and an exit code, never in a stack trace, exhausted memory or a half-replaced output folder.</summary>
    public class HostileInputTests : TempFolderTests
    {
        [TearDown]
        public void NoSwapHook() => OutputFolder.BeforeSwap = null;

        private static ExportBuilder Accounts(int count, string? name = null)
        {
            var export = new ExportBuilder().Table("account", ("accountid", "guid", null), ("name", "string", null));
            for (var i = 1; i <= count; i++) export.Record("account", $"a0000000-0000-0000-0000-{i:000000000000}", ("name", name ?? $"Account {i}"));
            return export;
        }

        private static void OneLine(int exit, string output, int expected, string words)
        {
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(expected), output);
                Assert.That(output, Does.Contain(words));
                Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
            });
        }

        [Test]
        public void A_small_zip_inflating_to_a_huge_value_is_refused_without_reading_it_whole()
        {
            var path = Path.Combine(Folder, "bomb.zip");
            var export = Accounts(0);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("data_schema.xml", export.SchemaXml()) })
                    using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write(text);
                using var data = new StreamWriter(zip.CreateEntry("data.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                data.Write("<entities><entity name=\"account\"><records><record id=\"a0000000-0000-0000-0000-000000000001\"><field name=\"name\" value=\"");
                var block = new string('A', 1 << 20);
                for (var i = 0; i < 48; i++) data.Write(block);
                data.Write("\"/></record></records></entity></entities>");
            }
            Assert.That(new FileInfo(path).Length, Is.LessThan(1 << 20), "the bomb is small");
            var before = GC.GetTotalMemory(forceFullCollection: true);

            var (exit, output) = CliHarness.Run("score", path, "--output", Path.Combine(Folder, "out"));

            OneLine(exit, output, 1, "a record is longer than 33,554,432 bytes");
            Assert.That(output, Does.Contain("bomb.zip (data.xml)"));
            Assert.That(Directory.Exists(Path.Combine(Folder, "out")), Is.False);
        }

        [Test]
        public void A_value_longer_than_any_dataverse_column_is_refused_with_its_field()
        {
            var path = Accounts(1, new string('x', 200)).Write(Path.Combine(Folder, "long.zip"));

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path, new CmtLimits { MaxValueLength = 100 }));

            Assert.That(error!.Message, Does.Contain("field name").And.Contain("200 characters long"));
        }

        [Test]
        public void An_entry_inflating_far_beyond_its_compressed_size_is_refused()
        {
            var path = Accounts(2000, new string('y', 2000)).Write(Path.Combine(Folder, "ratio.zip"));

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path, new CmtLimits { RatioAppliesFrom = 1 << 20, MaxCompressionRatio = 20 }));

            Assert.That(error!.Message, Does.Contain("inflates more than 20 times its compressed size"));
        }

        [Test]
        public void The_inflated_size_and_the_record_count_are_bounded()
        {
            var path = Accounts(50).Write(Path.Combine(Folder, "many.zip"));

            var size = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path, new CmtLimits { MaxDataBytes = 2000 }));
            var count = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path, new CmtLimits { MaxRecords = 10 }));

            Assert.Multiple(() =>
            {
                Assert.That(size!.Message, Does.Contain("inflates to more than 2,000 bytes"));
                Assert.That(count!.Message, Does.Contain("holds more than 10 records").And.Contain("record a0000000-0000-0000-0000-000000000011"));
            });
        }

        [Test]
        public void Corrupt_deflate_data_is_one_line_with_exit_code_1()
        {
            var path = Accounts(3000).Write(Path.Combine(Folder, "corrupt.zip"));
            var bytes = File.ReadAllBytes(path);
            var data = Encoding.ASCII.GetBytes("data.xml");
            var at = Enumerable.Range(0, bytes.Length - data.Length).First(i => bytes.AsSpan(i, data.Length).SequenceEqual(data));
            for (var i = at + 200; i < at + 1200; i++) bytes[i] = (byte)(i * 37);
            File.WriteAllBytes(path, bytes);

            var (exit, output) = CliHarness.Run("score", path, "--output", Path.Combine(Folder, "out"));

            OneLine(exit, output, 1, "corrupt.zip");
            Assert.That(output.Trim().Split('\n').Count(l => l.Contains("Error:")), Is.EqualTo(1));
        }

        [Test]
        public void The_outputFolder_is_replaced_as_a_whole()
        {
            var zip = Accounts(2).Write(Path.Combine(Folder, "data.zip"));
            var output = Path.Combine(Folder, "out");
            Assert.That(CliHarness.Run("score", zip, "--output", output).Exit, Is.Zero);
            File.WriteAllText(Path.Combine(output, "accounts.csv"), "old");
            File.WriteAllText(Path.Combine(output, "left-over.txt"), "old");

            var (exit, printed) = CliHarness.Run("score", zip, "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(f => f), Is.EqualTo(new[] { ".loyalty-report", "accounts.csv", "report.html" }));
                Assert.That(File.ReadAllText(Path.Combine(output, "accounts.csv")), Does.Contain("Account 1"));
                Assert.That(Directory.GetDirectories(Folder), Is.EqualTo(new[] { output }), "nothing is left beside it");
            });
        }

        [Test]
        public void A_failed_move_leaves_the_old_outputFolder_exactly_as_it_was()
        {
            var target = Path.Combine(Folder, "out");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "report.html"), "old report");
            File.WriteAllText(Path.Combine(target, "accounts.csv"), "old csv");
            OutputFolder.BeforeSwap = _ => throw new IOException("disk full");

            using (var output = new OutputFolder(target))
            {
                File.WriteAllText(output.PathOf("report.html"), "new report");
                Assert.Throws<IOException>(output.Commit);
            }

            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(Path.Combine(target, "report.html")), Is.EqualTo("old report"));
                Assert.That(File.ReadAllText(Path.Combine(target, "accounts.csv")), Is.EqualTo("old csv"));
                Assert.That(Directory.GetDirectories(Folder), Is.EqualTo(new[] { target }));
            });
        }

        [Test]
        public void AFolder_with_files_the_tool_did_not_write_is_never_replaced()
        {
            var zip = Accounts(1).Write(Path.Combine(Folder, "data.zip"));
            var target = Path.Combine(Folder, "mine");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "thesis.docx"), "precious");

            var (exit, output) = CliHarness.Run("score", zip, "--output", target);

            OneLine(exit, output, 1, "holds files this tool did not write");
            Assert.That(output, Does.Not.Contain("Records read"), "refused before the run, not after it");
            Assert.That(File.ReadAllText(Path.Combine(target, "thesis.docx")), Is.EqualTo("precious"));
        }

        [Test]
        public void An_output_that_could_never_be_written_stops_score_before_it_reads_the_export()
        {
            var zip = Accounts(2).Write(Path.Combine(Folder, "data.zip"));
            var aFile = Path.Combine(Folder, "notes.txt");
            File.WriteAllText(aFile, "mine");
            var underAFile = Path.Combine(aFile, "out");

            var (fileExit, fileOutput) = CliHarness.Run("score", zip, "--output", aFile);
            var (underExit, underOutput) = CliHarness.Run("score", zip, "--output", underAFile);

            OneLine(fileExit, fileOutput, 1, $"--output {aFile} is a file; give a folder.");
            OneLine(underExit, underOutput, 1, $"--output {underAFile}: cannot write in {aFile}");
            Assert.Multiple(() =>
            {
                foreach (var output in new[] { fileOutput, underOutput })
                {
                    Assert.That(output, Does.Not.Contain("Records read").And.Not.Contain("Reading and staging"), "nothing was read or scored");
                    Assert.That(output.Split("Error:").Length - 1, Is.EqualTo(1), "one error, wrapped only by the console's width");
                }
                Assert.That(File.ReadAllText(aFile), Is.EqualTo("mine"));
                Assert.That(Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName).OrderBy(f => f), Is.EqualTo(new[] { "data.zip", "notes.txt" }), "nothing is left beside it");
            });
        }

        [Test]
        public void Demo_checks_its_output_before_it_replays_the_sample()
        {
            var target = Path.Combine(Folder, "mine");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "thesis.docx"), "precious");

            var (exit, output) = CliHarness.Run("demo", "--output", target);

            OneLine(exit, output, 1, "holds files this tool did not write");
            Assert.That(output, Does.Not.Contain("Loyalty health as of"), "nothing was replayed or shown");
        }

        [Test]
        public void A_folder_given_as_the_export_is_named_as_a_folder()
        {
            var (exit, output) = CliHarness.Run("score", Folder, "--output", Path.Combine(Folder, "out"));

            OneLine(exit, output, 1, "is a folder; give the data.zip file itself");
        }

        [Test]
        public void Csv_cells_a_spreadsheet_would_run_as_a_formula_are_escaped()
        {
            var zip = Accounts(1, "=HYPERLINK(\"http://evil.example\",\"click\")").Write(Path.Combine(Folder, "formula.zip"));
            var output = Path.Combine(Folder, "out");

            var (exit, printed) = CliHarness.Run("score", zip, "--output", output);

            var row = GenuineExportTests.CsvRow(Path.Combine(output, "accounts.csv"), "a0000000-0000-0000-0000-000000000001");
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(row["Account"], Is.EqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")"));
                foreach (var cell in new[] { "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx" }) Assert.That(CsvExport.Escape(cell), Is.EqualTo("'" + cell), cell);
                foreach (var cell in new[] { "-12.5", "42", "Harbour", "" }) Assert.That(CsvExport.Escape(cell), Is.EqualTo(cell), cell);
            });
        }
    }
}
