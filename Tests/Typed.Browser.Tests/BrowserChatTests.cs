using System.Text.RegularExpressions;

namespace Typed.Browser.Tests;

/// <summary>
/// Pages signed in under their own names chat through the chat sample in real Chromium, over each
/// transport a browser has; a second tab is its user again; rooms keep their lines to their
/// members, with member lists that stay current, across a dropped connection and a change of
/// transport; a page that has not signed in gets no session.
/// </summary>
public sealed partial class BrowserChatTests(Chromium chromium, ChatSample chat) : IClassFixture<Chromium>, IClassFixture<ChatSample>
{
    public static TheoryData<string> Transports() => BrowserTransports.All();

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Two_pages_chat_with_typed_events_both_ways(string transport)
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana-" + transport, transport);
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-" + transport, transport);

        await ana.WaitForLineAsync($"bob-{transport} joined #lobby");
        await ana.SayAsync("hello bob");
        await bob.WaitForLineAsync($"ana-{transport}: hello bob");
        await bob.SayAsync("hello ana 😀");
        await ana.WaitForLineAsync($"bob-{transport}: hello ana 😀");

        Assert.Equal($"connected over {transport}", await ana.StatusAsync());
        Assert.Equal($"connected over {transport}", await bob.StatusAsync());
        Assert.Equal($"ana-{transport}", await ana.SignedInAsAsync());
        Assert.Contains(await bob.LinesAsync(), line => line.EndsWith(" here", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Plain_strings_cross_from_page_to_page_exactly(string transport)
    {
        var sender = await ChatPage.JoinAsync(chromium, chat.Url, "sender", transport);
        var receiver = await ChatPage.JoinAsync(chromium, chat.Url, "receiver", transport);
        await receiver.Page.EvaluateExpressionAsync("window.received = []; socket.on('message', m => window.received.push(m)); 0");

        await sender.Page.EvaluateFunctionAsync("texts => texts.forEach(t => socket.send(t))", StringGallery.Texts);
        await receiver.Page.WaitForFunctionAsync("n => window.received.length >= n", StringGallery.Texts.Count);

        var received = await receiver.Page.EvaluateExpressionAsync<string[]>("window.received");
        Assert.Equal(StringGallery.Texts, received);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Typed_events_carry_the_string_gallery_exactly(string transport)
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana", transport);
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob", transport);
        await bob.Page.EvaluateExpressionAsync("window.said = []; socket.on('Said', (room, number, user, text) => window.said.push(text)); 0");

        await ana.Page.EvaluateFunctionAsync("texts => texts.forEach(t => socket.emit('Say', 'lobby', t))", StringGallery.Texts);
        await bob.Page.WaitForFunctionAsync("n => window.said.length >= n", StringGallery.Texts.Count);

        Assert.Equal(StringGallery.Texts, await bob.Page.EvaluateExpressionAsync<string[]>("window.said"));
    }

    [Fact]
    public async Task A_newcomer_gets_the_last_fifteen_messages_and_everyone_hears_who_comes_and_goes()
    {
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana-history", "websocket");
        for (var i = 1; i <= 20; i++)
        {
            await ana.SayAsync($"line {i}");
        }

        // Joining after the twentieth line: its history holds the last fifteen, oldest first.
        var probe = await ChatPage.JoinAsync(chromium, chat.Url, "probe", "websocket");
        await probe.WaitForLineAsync("ana-history: line 20");
        // A page that polls leaves by saying so: others hear of it at once, not after the time
        // that a silent polling session is waited for.
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-history", "xhr-polling");
        await ana.WaitForLineAsync("bob-history joined #lobby");
        await bob.WaitForLineAsync("ana-history: line 20");
        var history = (await bob.LinesAsync()).Where(line => line.StartsWith("ana-history: line ", StringComparison.Ordinal)).ToList();
        await bob.Page.EvaluateExpressionAsync("socket.disconnect()");

        Assert.Equal(Enumerable.Range(6, 15).Select(i => $"ana-history: line {i}"), history);
        await ana.WaitForLineAsync("bob-history left #lobby");
    }

    [Fact]
    public async Task Switching_transports_in_one_tab_leaves_at_once_and_repeats_nothing()
    {
        var watcher = await ChatPage.JoinAsync(chromium, chat.Url, "watcher", "websocket");
        var ana = await ChatPage.JoinAsync(chromium, chat.Url, "ana-switch", "websocket");
        await watcher.WaitForLineAsync("ana-switch joined #lobby");
        await watcher.SayAsync("before the switches");
        await ana.WaitForLineAsync("watcher: before the switches");
        await ana.SayAsync("mine, before the switches");
        await watcher.WaitForLineAsync("ana-switch: mine, before the switches");
        var before = await ana.LinesAsync();

        string[] switches = ["server-events", "htmlfile", "xhr-multipart", "xhr-polling", "websocket"];
        for (var i = 0; i < switches.Length; i++)
        {
            await ana.SwitchAsync(switches[i]);
            await watcher.WaitForLineCountAsync("ana-switch joined #lobby", i + 2);
            await ana.WaitForLineCountAsync(" here", i + 2, endingWith: true);
            await watcher.SayAsync($"during {switches[i]}");
            await ana.WaitForLineAsync($"watcher: during {switches[i]}");
        }

        // The tab shows every line once: of the history sent on each join, what it has shown
        // already (its own line too) is left out.
        var lines = await ana.LinesAsync();
        Assert.Equal(before, lines.Take(before.Length));
        Assert.Contains("me: mine, before the switches", before);
        var added = lines.Skip(before.Length).Where(line => line.Contains(": ", StringComparison.Ordinal));
        Assert.Equal(switches.Select(t => $"watcher: during {t}"), added);

        // Every join counts the same people: the old session was gone before the new one joined.
        Assert.Single(lines.Where(line => line.EndsWith(" here", StringComparison.Ordinal)).Distinct());

        // The others hear one leave, then one join, per switch.
        var comings = (await watcher.LinesAsync()).Where(line => line.StartsWith("ana-switch ", StringComparison.Ordinal));
        Assert.Equal(["ana-switch joined #lobby", .. switches.SelectMany(_ => new[] { "ana-switch left #lobby", "ana-switch joined #lobby" })], comings);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tab_that_is_closed_leaves_at_once(string transport)
    {
        var watcher = await ChatPage.JoinAsync(chromium, chat.Url, "closer-watcher-" + transport, "websocket");
        var closing = await ChatPage.JoinAsync(chromium, chat.Url, "closing-" + transport, transport);
        await watcher.WaitForLineAsync($"closing-{transport} joined #lobby");

        await closing.Page.CloseAsync();

        // The sample waits ten minutes for a silent session: only the page's leave says it so soon.
        await watcher.WaitForLineAsync($"closing-{transport} left #lobby");
    }

    [Fact]
    public async Task A_second_tab_is_the_same_user_joining_with_the_first_and_leaving_with_the_last()
    {
        var watcher = await ChatPage.JoinAsync(chromium, chat.Url, "tabs-watcher", "websocket");
        var first = await ChatPage.JoinAsync(chromium, chat.Url, "ann-tabs", "websocket");
        await watcher.WaitForLineAsync("ann-tabs joined #lobby");
        var second = await first.OpenTabAsync();
        Assert.Equal("ann-tabs", await second.SignedInAsAsync());
        await second.JoinAsync("xhr-polling");

        await first.SayAsync("from the first tab");
        await second.WaitForLineAsync("ann-tabs: from the first tab");
        await watcher.WaitForLineAsync("ann-tabs: from the first tab");
        await second.SayAsync("from the second tab");
        await first.WaitForLineAsync("ann-tabs: from the second tab");
        await watcher.WaitForLineAsync("ann-tabs: from the second tab");

        // Her first tab leaves (and the server has heard it once socket.left settles): she is
        // still here in the second. Her second leaves: now she has gone.
        await LeaveAsync(first);
        await second.SayAsync("still with you");
        await watcher.WaitForLineAsync("ann-tabs: still with you");
        await LeaveAsync(second);
        await watcher.WaitForLineAsync("ann-tabs left #lobby");

        // Both tabs count the same people: users, not tabs.
        Assert.Equal(Here(await first.LinesAsync()), Here(await second.LinesAsync()));
        var heard = (await watcher.LinesAsync()).Where(line => line.StartsWith("ann-tabs", StringComparison.Ordinal));
        Assert.Equal(["ann-tabs joined #lobby", "ann-tabs: from the first tab", "ann-tabs: from the second tab", "ann-tabs: still with you", "ann-tabs left #lobby"], heard);
        Assert.Contains("me: from the first tab", await first.LinesAsync());
    }

    [Fact]
    public async Task A_whisper_reaches_every_tab_of_the_one_whispered_to_and_the_whisperer_s_other_tabs_only()
    {
        var ann = await ChatPage.JoinAsync(chromium, chat.Url, "ann-whisper", "websocket");
        var annsTab = await ann.OpenTabAsync();
        await annsTab.JoinAsync("xhr-polling");
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-whisper", "server-events");
        var carol = await ChatPage.JoinAsync(chromium, chat.Url, "carol-whisper", "htmlfile");
        await ann.WaitForLineAsync("carol-whisper joined #lobby");

        await ann.WhisperAsync("bob-whisper", "just for you");
        await ann.WaitForLineAsync("me → bob-whisper: just for you");
        await bob.WaitForLineAsync("ann-whisper → bob-whisper: just for you");
        await annsTab.WaitForLineAsync("ann-whisper → bob-whisper: just for you");

        // Whispering to oneself reaches one's other tabs; to someone absent, nobody.
        await annsTab.WhisperAsync("ann-whisper", "note to self");
        await annsTab.WaitForLineAsync("me → ann-whisper: note to self");
        await ann.WaitForLineAsync("ann-whisper → ann-whisper: note to self");
        await bob.WhisperAsync("dave-whisper", "anyone?");
        await bob.WaitForLineAsync("dave-whisper is not here");

        // A line said after the whispers reaches Carol after anything sent to her before it.
        await ann.SayAsync("said aloud");
        await carol.WaitForLineAsync("ann-whisper: said aloud");
        await bob.WaitForLineAsync("ann-whisper: said aloud");
        Assert.DoesNotContain(await carol.LinesAsync(), line => line.Contains('→', StringComparison.Ordinal));
        Assert.DoesNotContain(await bob.LinesAsync(), line => line.Contains("note to self", StringComparison.Ordinal));
        Assert.Single(await ann.LinesAsync(), line => line.EndsWith("just for you", StringComparison.Ordinal));
        Assert.Single(await annsTab.LinesAsync(), line => line.EndsWith("note to self", StringComparison.Ordinal));
        Assert.Equal(["ann-whisper → bob-whisper: just for you"], (await bob.LinesAsync()).Where(line => line.Contains('→', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_room_s_lines_reach_its_members_only_and_its_member_list_follows_who_enters_and_leaves()
    {
        var ann = await ChatPage.JoinAsync(chromium, chat.Url, "ann-rooms", "websocket");
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-rooms", "xhr-polling");
        var carol = await ChatPage.JoinAsync(chromium, chat.Url, "carol-rooms", "server-events");
        await ann.WaitForLineAsync("carol-rooms joined #lobby");

        await ann.EnterAsync("games-r");
        await ann.WaitForLineAsync("1 here", "games-r");
        await ann.WaitForMembersAsync("ann-rooms");
        await bob.SayAsync("/join #games-r");
        await bob.WaitForLineAsync("2 here", "games-r");
        Assert.Equal("games-r", await bob.CurrentRoomAsync());
        await bob.WaitForMembersAsync("ann-rooms", "bob-rooms");
        await ann.WaitForLineAsync("bob-rooms joined #games-r", "games-r");
        await ann.WaitForMembersAsync("ann-rooms", "bob-rooms");

        await ann.SayAsync("in the games room");
        await bob.WaitForLineAsync("ann-rooms: in the games room", "games-r");
        await ann.ShowAsync("lobby");
        await ann.SayAsync("in the lobby");
        await bob.WaitForLineAsync("ann-rooms: in the lobby");
        await carol.WaitForLineAsync("ann-rooms: in the lobby");
        Assert.DoesNotContain("ann-rooms: in the lobby", await bob.LinesAsync("games-r"));

        // Bob leaves the room by its button: Ann hears it there, and her list loses him.
        await bob.LeaveRoomAsync();
        Assert.Equal(["#lobby"], await bob.RoomsAsync());
        await ann.WaitForLineAsync("bob-rooms left #games-r", "games-r");
        await ann.ShowAsync("games-r");
        await ann.WaitForMembersAsync("ann-rooms");

        // A new session, over another transport, enters the page's rooms again.
        await ann.SwitchAsync("htmlfile");
        await ann.WaitForLineCountAsync("1 here", 2, room: "games-r");
        Assert.Equal(["#lobby", "#games-r"], await ann.RoomsAsync());
        await carol.EnterAsync("games-r");
        await ann.WaitForLineAsync("carol-rooms joined #games-r", "games-r");
        await carol.SayAsync("after your switch");
        await ann.WaitForLineAsync("carol-rooms: after your switch", "games-r");
        await ann.WaitForMembersAsync("ann-rooms", "carol-rooms");

        // Ann closes her page: each of her rooms hears she left.
        await ann.Page.CloseAsync();
        await carol.WaitForLineAsync("ann-rooms left #games-r", "games-r");
        await carol.WaitForLineAsync("ann-rooms left #lobby");
        await carol.WaitForMembersAsync("carol-rooms");

        // Nothing of the room reached the lobby; Carol read its last lines on entering it.
        Assert.DoesNotContain(await carol.LinesAsync(), line => line.Contains("games room", StringComparison.Ordinal));
        Assert.Equal(["ann-rooms: in the games room", "2 here"], (await carol.LinesAsync("games-r")).Take(2));
        Assert.Single(await bob.LinesAsync(), line => line == "ann-rooms: in the lobby");
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("server-events")]
    public async Task A_page_whose_connection_drops_comes_back_in_its_rooms_and_gets_what_they_said_meanwhile(string transport)
    {
        await using var proxy = FaultyTcpProxy.Start(new Uri(chat.Url));
        var ann = await ChatPage.JoinAsync(chromium, proxy.BaseUri.ToString().TrimEnd('/'), "ann-dropped-" + transport, transport);
        // A room of its own: the pages of the other transport's run are still in theirs.
        var den = "den-" + transport;
        await ann.EnterAsync(den);
        var bob = await ChatPage.JoinAsync(chromium, chat.Url, "bob-dropped-" + transport, "websocket");
        await bob.EnterAsync(den);
        await ann.WaitForLineAsync($"bob-dropped-{transport} joined #{den}", den);
        var sessionId = await ann.Page.EvaluateExpressionAsync<string>("socket.sessionId");
        await ann.Page.EvaluateExpressionAsync("window.closes = 0; socket.on('close', () => window.closes++); 0");

        proxy.Refusing = true;
        proxy.CutAll();
        await ann.Page.WaitForFunctionAsync("() => window.closes > 0", new PuppeteerSharp.WaitForFunctionOptions { PollingInterval = 50 });
        await bob.SayAsync("while you were away");
        proxy.Refusing = false;

        // The same session, still in the den: what was said there meanwhile arrives, and nobody
        // heard Ann leave or come back.
        await ann.WaitForLineAsync($"bob-dropped-{transport}: while you were away", den);
        Assert.Equal(sessionId, await ann.Page.EvaluateExpressionAsync<string>("socket.sessionId"));
        await ann.SayAsync("back again");
        await bob.WaitForLineAsync($"ann-dropped-{transport}: back again", den);
        await bob.WaitForMembersAsync($"ann-dropped-{transport}", $"bob-dropped-{transport}");
        Assert.Equal(["#lobby", "#" + den], await ann.RoomsAsync());
        Assert.DoesNotContain(await bob.LinesAsync(den), line => line.StartsWith($"ann-dropped-{transport} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_that_has_not_signed_in_or_has_signed_out_is_offered_the_form_and_refused_a_session()
    {
        var page = await chromium.OpenAsync(chat.Url);
        await page.WaitForFunctionAsync("() => !document.getElementById('signin').hidden && document.getElementById('chat').hidden");

        // The page has the browser client (served to everyone), but the session endpoint wants the cookie.
        Assert.True(await page.EvaluateExpressionAsync<bool>("typeof io.Socket === 'function'"));
        Assert.Equal(401, await NewSessionStatusAsync(page));

        await page.EvaluateExpressionAsync("document.getElementById('name').value = 'late-signer'; document.getElementById('signin').requestSubmit(); 0");
        await page.WaitForFunctionAsync("() => document.getElementById('me').textContent === 'late-signer'");
        Assert.Equal(200, await NewSessionStatusAsync(page));

        await page.EvaluateExpressionAsync("document.getElementById('signout').click(); 0");
        await page.WaitForFunctionAsync("() => !document.getElementById('signin').hidden && document.getElementById('chat').hidden");
        Assert.Equal(401, await NewSessionStatusAsync(page));
    }

    private static Task LeaveAsync(ChatPage page) => page.Page.EvaluateFunctionAsync("() => { socket.disconnect(); return socket.left.then(() => true); }");

    /// <summary>The page's one "N here" line (its join's answer).</summary>
    private static string Here(string[] lines) => Assert.Single(lines, line => MembersLine().IsMatch(line));

    [GeneratedRegex(@"^\d+ here$")]
    private static partial Regex MembersLine();

    /// <summary>What a new session's first poll, the 2010 client's handshake, is answered with.</summary>
    private static Task<int> NewSessionStatusAsync(PuppeteerSharp.IPage page) =>
        page.EvaluateExpressionAsync<int>("fetch('/socket.io/xhr-polling//' + Date.now()).then(r => r.status)");
}
