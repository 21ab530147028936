using Typed.Analyzers.CodeFixes;
using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

/// <summary>TYPED007 to TYPED009: wire names are unique, not blank and not the protocol's.</summary>
public sealed class NameTests
{
    [Fact]
    public Task Overloads_share_a_wire_name() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void {|TYPED007:Say|}(string text);

            void {|TYPED007:Say|}(string text, int times);
        }
        """);

    [Fact]
    public Task Renames_that_collide_are_reported_at_the_name() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            [EventName({|TYPED007:"say"|})] void Say(string text);

            [EventName({|TYPED007:"say"|})] void Shout(string text);

            void say2(string text);
        }
        """);

    [Fact]
    public Task A_rename_onto_another_events_method_name_collides() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void {|TYPED007:Say|}(string text);

            [EventName({|TYPED007:"Say"|})] void Shout(string text);
        }
        """);

    [Fact]
    public Task An_inherited_event_collides_with_the_contracts_own() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        public interface IBase
        {
            void Say(string text);
        }

        [Events]
        public interface IChat : IBase
        {
            void {|TYPED007:Say|}(int times);
        }
        """);

    [Fact]
    public Task Events_inherited_from_two_interfaces_collide_at_the_contract() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        public interface ILeft { void Say(string text); }

        public interface IRight { void Say(int times); }

        [Events]
        public interface {|TYPED007:IChat|} : ILeft, IRight
        {
        }
        """);

    [Fact]
    public Task The_message_names_both_events() => Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync(
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void {|#0:Say|}(string text);

            [EventName({|#1:"Say"|})] void Shout(string text);
        }
        """,
        expected:
        [
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.DuplicateEventName).WithLocation(0).WithArguments("Say", "Say", "Shout"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.DuplicateEventName).WithLocation(1).WithArguments("Shout", "Say", "Say"),
        ]);

    [Fact]
    public Task The_fix_adds_a_unique_event_name_to_the_second_overload() => Verify<DuplicateEventNameAnalyzer>.FixAsync<EventNameCodeFix>(
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void {|TYPED007:Say|}(string text);

            void Say2(string text);

            void {|TYPED007:Say|}(string text, int times);
        }
        """,
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Say(string text);

            void Say2(string text);

            [EventName("Say3")]
            void Say(string text, int times);
        }
        """);

    [Fact]
    public Task The_fix_changes_a_colliding_event_name() => Verify<DuplicateEventNameAnalyzer>.FixAsync<EventNameCodeFix>(
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            [EventName({|TYPED007:"say"|})] void Say(string text);

            [EventName({|TYPED007:"say"|})] void Shout(string text);
        }
        """,
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            [EventName("say")] void Say(string text);

            [EventName("say2")] void Shout(string text);
        }
        """);

    [Fact]
    public Task The_fix_adds_the_using_it_needs() => Verify<DuplicateEventNameAnalyzer>.FixAsync<EventNameCodeFix>(
        """
        [Typed.Events.Events]
        public interface IChat
        {
            void {|TYPED007:Say|}(string text);

            void {|TYPED007:Say|}(int times);
        }
        """,
        """
        using Typed.Events;

        [Typed.Events.Events]
        public interface IChat
        {
            void Say(string text);

            [EventName("Say2")]
            void Say(int times);
        }
        """);

    [Fact]
    public Task Blank_names_are_reported() => Verify<EventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            [EventName({|TYPED008:""|})] void Say(string text);

            [EventName({|TYPED008:"  "|})] void Shout(string text);
        }
        """);

    [Theory]
    [InlineData("sessionid")]
    [InlineData("heartbeat")]
    [InlineData("messages")]
    [InlineData("connect")]
    [InlineData("message")]
    [InlineData("close")]
    [InlineData("disconnect")]
    [InlineData("reconnect")]
    [InlineData("constructor")]
    [InlineData("__proto__")]
    [InlineData("toString")]
    public Task Reserved_names_are_reported(string name) => Verify<EventNameAnalyzer>.DiagnosticsAsync($$"""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            [EventName({|TYPED009:"{{name}}"|})] void Any(string text);
        }
        """);

    [Fact]
    public Task A_method_name_can_be_reserved_too() => Verify<EventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void {|TYPED009:message|}(string text);
        }
        """);

    [Fact]
    public Task Names_compare_as_the_wire_does_ordinally() => Verify<EventNameAnalyzer>.DiagnosticsAsync("""
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Connect();

            void Message(string text);

            [EventName("Heartbeat")] void Beat();

            [EventName("closed")] void Closed();
        }
        """);

    [Fact]
    public Task A_clean_contract_has_no_name_problems() => Task.WhenAll(
        Verify<DuplicateEventNameAnalyzer>.DiagnosticsAsync(Gallery.Contracts),
        Verify<EventNameAnalyzer>.DiagnosticsAsync(Gallery.Contracts));
}
