using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

/// <summary>TYPED016: floating-point values where Typed.MessagePack is referenced.</summary>
public sealed class NegativeZeroTests
{
    private const string Contract = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Typed.Events;

        public sealed record Reading(string Sensor, double Value);

        [JsonSerializable(typeof(Reading))]
        internal abstract partial class SensorJson() : JsonSerializerContext(null);

        [Events(JsonContext = typeof(SensorJson))]
        public interface ISensors
        {
            void Report({|TYPED016:double|} value);
            void Many({|TYPED016:List<float?>|} values);
            void Read({|TYPED016:Reading|} reading);
            {|TYPED016:Task<double>|} Average();
            void Count(int value, decimal exact);
        }
        """;

    [Fact]
    public Task Floating_point_values_are_reported_when_messagepack_is_referenced() =>
        Verify<NegativeZeroAnalyzer>.DiagnosticsAsync(Contract, messagePack: true);

    [Fact]
    public Task Without_messagepack_nothing_is_reported() =>
        Verify<NegativeZeroAnalyzer>.DiagnosticsAsync(Contract.Replace("{|TYPED016:", "").Replace("|}", ""), messagePack: false);

    [Fact]
    public Task Integers_decimals_and_text_are_quiet_with_messagepack() =>
        Verify<NegativeZeroAnalyzer>.DiagnosticsAsync(
            """
            using Typed.Events;

            [Events]
            public interface ICounts
            {
                void Count(int value, long big, decimal exact, string text);
            }
            """,
            messagePack: true);

    [Fact]
    public Task A_contract_from_another_assembly_is_reported_where_it_is_used() =>
        Verify<NegativeZeroAnalyzer>.DiagnosticsAsync(
            """
            using Typed.Client;

            public static class Uses
            {
                public static void Run(Socket socket) => socket.Events<{|#0:Typed.Analyzers.Tests.Contracts.ISensors|}>().Count(1);
            }
            """,
            messagePack: true,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Typed.Analyzers.Descriptors.MessagePackNegativeZero).WithLocation(0)
                .WithArguments("Event 'ISensors.Report'", "double", "parameter 'value'"));
}
