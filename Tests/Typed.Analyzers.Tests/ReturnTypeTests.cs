using Typed.Analyzers.CodeFixes;
using Typed.Analyzers.Contracts;

namespace Typed.Analyzers.Tests;

public sealed class ReturnTypeTests
{
    [Fact]
    public Task An_event_returning_a_value_directly_is_reported() => Verify<ReturnTypeAnalyzer>.DiagnosticsAsync("""
        using System.Collections.Generic;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            {|TYPED001:int|} Count();

            {|TYPED001:IAsyncEnumerable<string>|} Lines();
        }
        """);

    [Fact]
    public Task Void_task_and_answers_are_quiet() => Verify<ReturnTypeAnalyzer>.DiagnosticsAsync("""
        using System.Threading.Tasks;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Say(string text);

            Task Leave();

            ValueTask Ping();

            Task<int> Join(string room);

            ValueTask<string> Name();
        }
        """);

    [Fact]
    public Task The_fix_can_make_it_void() => Verify<ReturnTypeAnalyzer>.FixAsync<ReturnTypeCodeFix>(
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            {|TYPED001:int|} Count(string room);
        }
        """,
        """
        using Typed.Events;

        [Events]
        public interface IChat
        {
            void Count(string room);
        }
        """);

    [Fact]
    public Task The_fix_can_make_it_a_task() => Verify<ReturnTypeAnalyzer>.FixAsync<ReturnTypeCodeFix>(
        """
        using System.Threading.Tasks;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            {|TYPED001:int|} Count(string room);
        }
        """,
        """
        using System.Threading.Tasks;
        using Typed.Events;

        [Events]
        public interface IChat
        {
            Task Count(string room);
        }
        """,
        index: 1);
}
