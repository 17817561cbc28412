using NUnit.Framework;
namespace LoyaltyHealth.Tests;
public class Smoke { [Test] public void Runs() => Assert.That(System.Environment.ProcessorCount, Is.GreaterThan(0)); }
