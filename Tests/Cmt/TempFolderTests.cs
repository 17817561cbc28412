using System;
using System.IO;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
    public abstract class TempFolderTests
    {
        protected string Folder { get; private set; } = null!;

        [SetUp]
        public void CreateFolder()
        {
            Folder = Path.Combine(Path.GetTempPath(), "loyalty-" + GetType().Name + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        [TearDown]
        public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
    }
}
