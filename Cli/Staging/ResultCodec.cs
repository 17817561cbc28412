using System;
using System.Collections.Generic;
using System.IO;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A compact binary form of one account's result, so a run can set its results aside as they are scored
    /// (<see cref="ScoredAccounts"/>) and read them back, field for field, when it writes its output.
    /// </summary>
    public static class ResultCodec
    {
        public static byte[] Encode(AccountResult result)
        {
            using var buffer = new MemoryStream(512);
            using (var writer = new BinaryWriter(buffer))
            {
                writer.Write(result.Id.ToByteArray());
                writer.Write(result.Name);
                writer.Write(result.Active);
                Write(writer, result.Understanding);
                Write(writer, result.Familiarity);
                Write(writer, result.Service);
                Write(writer, result.Overall);
                writer.Write((int)result.Band);
                Write(writer, (int?)result.Trend);
                writer.Write(result.PerkDependent);
                Write(writer, result.PerkSharePercent);
                Write(writer, result.PerkSpend);
                Write(writer, result.DeliveredValue);
                Write(writer, result.Reasons);
                Write(writer, result.Actions);
                Write(writer, result.UnreadableValues);
                writer.Write(result.ScoredOn.HasValue);
                if (result.ScoredOn is { } scoredOn) writer.Write(scoredOn.ToBinary());
                writer.Write(result.HistoryRows);
                writer.Write(result.OpenFollowUps);
                writer.Write(result.Error is not null);
                if (result.Error is not null) writer.Write(result.Error);
                Write(writer, result.Warnings);
            }
            return buffer.ToArray();
        }

        public static AccountResult Decode(byte[] bytes)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            return new AccountResult
            {
                Id = new Guid(reader.ReadBytes(16)),
                Name = reader.ReadString(),
                Active = reader.ReadBoolean(),
                Understanding = ReadInt(reader),
                Familiarity = ReadInt(reader),
                Service = ReadInt(reader),
                Overall = ReadInt(reader),
                Band = (HealthBand)reader.ReadInt32(),
                Trend = (Trend?)ReadInt(reader),
                PerkDependent = reader.ReadBoolean(),
                PerkSharePercent = ReadDecimal(reader),
                PerkSpend = ReadDecimal(reader),
                DeliveredValue = ReadDecimal(reader),
                Reasons = ReadLines(reader),
                Actions = ReadLines(reader),
                UnreadableValues = ReadLines(reader),
                ScoredOn = reader.ReadBoolean() ? DateTime.FromBinary(reader.ReadInt64()) : null,
                HistoryRows = reader.ReadInt32(),
                OpenFollowUps = reader.ReadInt32(),
                Error = reader.ReadBoolean() ? reader.ReadString() : null,
                Warnings = ReadLines(reader),
            };
        }

        private static void Write(BinaryWriter writer, int? value)
        {
            writer.Write(value.HasValue);
            if (value is { } v) writer.Write(v);
        }

        private static void Write(BinaryWriter writer, decimal? value)
        {
            writer.Write(value.HasValue);
            if (value is { } v) writer.Write(v);
        }

        private static void Write(BinaryWriter writer, IReadOnlyList<string> lines)
        {
            writer.Write(lines.Count);
            foreach (var line in lines) writer.Write(line);
        }

        private static int? ReadInt(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt32() : null;

        private static decimal? ReadDecimal(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDecimal() : null;

        private static IReadOnlyList<string> ReadLines(BinaryReader reader)
        {
            var count = reader.ReadInt32();
            if (count == 0) return Array.Empty<string>();
            var lines = new string[count];
            for (var i = 0; i < count; i++) lines[i] = reader.ReadString();
            return lines;
        }
    }
}
