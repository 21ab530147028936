using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

/// <summary>TYPED002 to TYPED006: what an event contract may declare, and where.</summary>
public sealed class ContractShapeTests
{
    [Fact]
    public Task Parameters_not_passed_by_value_are_reported() => Verify<ParameterKindAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public unsafe interface IChat
        {
            void Ref(ref int {|TYPED002:count|});

            void Out(out int {|TYPED002:count|});

            void In(in int {|TYPED002:count|});

            void Params(params string[] {|TYPED002:lines|});

            void Pointer(int* {|TYPED002:count|});
        }
        """);

    [Fact]
    public Task The_message_says_which_modifier() => Verify<ParameterKindAnalyzer>.DiagnosticsAsync(
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Out(out int {|#0:count|});
        }
        """,
        expected: new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ParameterNotByValue).WithLocation(0)
            .WithArguments("count", "Out", "an out parameter"));

    [Fact]
    public Task Generic_events_and_contracts_are_reported() => Verify<GenericAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface {|TYPED004:IStore|}<T>
        {
            void Put(string key);
        }

        [Events]
        public interface IChat
        {
            void {|TYPED003:Send|}<T>(T value);
        }
        """);

    [Fact]
    public Task Properties_indexers_and_events_are_reported() => Verify<MemberKindAnalyzer>.DiagnosticsAsync("""
        using System;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            int {|TYPED005:Members|} { get; }

            string {|TYPED005:this|}[int index] { get; }

            event EventHandler {|TYPED005:Changed|};

            void Say(string text);
        }
        """);

    [Fact]
    public Task Inherited_properties_are_reported_on_the_contract() => Verify<MemberKindAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        public interface IHasName
        {
            string Name { get; }
        }

        [Events]
        public interface {|TYPED005:IChat|} : IHasName
        {
            void Say(string text);
        }
        """);

    [Fact]
    public Task Nested_and_file_local_contracts_are_reported() => Verify<ContractPlacementAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        public class Outer
        {
            [Events]
            public interface {|TYPED006:IPublicNested|} { void Say(string text); }

            [Events]
            private interface {|TYPED006:IPrivateNested|} { void Say(string text); }
        }

        internal class Hidden
        {
            [Events]
            public interface {|TYPED006:IInHidden|} { void Say(string text); }
        }

        [Events]
        file interface {|TYPED006:IFileLocal|} { void Say(string text); }
        """);

    [Fact]
    public Task Top_level_public_and_internal_contracts_with_static_and_default_members_are_quiet() => Verify<MemberKindAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            static int Limit => 10;

            void Say(string text);

            void Shout(string text) => Say(text.ToUpperInvariant());
        }

        [Events]
        internal interface IHidden
        {
            void Whisper(string text);
        }
        """);

    [Fact]
    public Task A_clean_contract_has_no_shape_problems() => Task.WhenAll(
        Verify<ParameterKindAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<GenericAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<MemberKindAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<ContractPlacementAnalyzer>.DiagnosticsAsync(Gallery.Contracts));
}
