using System.Text.RegularExpressions;

namespace Typed.Samples.Tests;

/// <summary>
/// The chat sample as people use it: two pages and the console client, each signed in under a
/// name and on a transport of its own, chat in the lobby and see each other come and go; one
/// person opens a second tab and a page switches transports; two of them enter a room of their
/// own, whose lines and members the third never sees; they whisper; what each saw is compared
/// with snapshots.
/// </summary>
public sealed class ChatSampleTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Pages_a_second_tab_and_a_console_client_chat_in_rooms_under_the_names_they_signed_in_with()
    {
        // Sessions wait ten minutes for a silent client: one announced gone within the test left.
        await using var chat = SampleProcess.Start("Chat", "--urls", "http://127.0.0.1:0", "--Sockets:FlashPolicyPort=0", "--Sockets:Timeout=00:10:00");
        var url = (await chat.WaitForAsync(SampleProcess.Listening())).Groups["url"].Value;

        var ana = await ChatPage.JoinAsync(chromium, url, "ana", "websocket");
        await ana.WaitForLineAsync("1 here");
        await using var bob = SampleProcess.Start("Chat.Client", "--url", url, "--name", "bob", "--transport", "xhr-polling");
        await bob.WaitForAsync(Line("* #lobby: 2 here"));
        await ana.WaitForLineAsync("bob joined #lobby");

        await ana.SayAsync("hello bob");
        await bob.WaitForAsync(Line("#lobby ana: hello bob"));
        await bob.WriteLineAsync("hi ana ☃");
        await ana.WaitForLineAsync("bob: hi ana ☃");

        var cy = await ChatPage.JoinAsync(chromium, url, "cy", "server-events");
        await cy.WaitForLineAsync("3 here");
        await cy.WaitForMembersAsync("ana", "bob", "cy");
        await bob.WaitForAsync(Line("* cy joined #lobby"));
        await ana.WaitForLineAsync("cy joined #lobby");

        // Ana's second tab is Ana again: counted once, announced to nobody, and what she says in
        // one of her tabs shows in the other under her name.
        var anasTab = await ana.OpenTabAsync();
        await anasTab.JoinAsync("htmlfile");
        await anasTab.WaitForLineAsync("3 here");
        await anasTab.SayAsync("from my second tab");
        await ana.WaitForLineAsync("ana: from my second tab");
        await bob.WaitForAsync(Line("#lobby ana: from my second tab"));
        await cy.WaitForLineAsync("ana: from my second tab");

        // The picker invites a switch: Ana is still here in her second tab, so nobody hears her
        // leave or join; the page repeats nothing.
        await ana.SwitchAsync("xhr-polling");
        await ana.WaitForLineAsync("3 here");
        await ana.SayAsync("back, over polling");
        await bob.WaitForAsync(Line("#lobby ana: back, over polling"));
        await cy.WaitForLineAsync("ana: back, over polling");
        await anasTab.WaitForLineAsync("ana: back, over polling");

        // Ana makes #games by entering it and Bob follows; her second tab entering too is no
        // newcomer. What is said there reaches its members only, and each member list says who is in.
        await ana.EnterAsync("games");
        await ana.WaitForLineAsync("1 here", "games");
        await bob.WriteLineAsync("/join games");
        await bob.WaitForAsync(Line("* #games: 2 here"));
        await ana.WaitForLineAsync("bob joined #games", "games");
        await ana.WaitForMembersAsync("ana", "bob");
        await anasTab.EnterAsync("games");
        await anasTab.WaitForLineAsync("2 here", "games");
        await anasTab.WaitForMembersAsync("ana", "bob");
        await bob.WriteLineAsync("anyone for a game?");
        await ana.WaitForLineAsync("bob: anyone for a game?", "games");
        await anasTab.WaitForLineAsync("bob: anyone for a game?", "games");
        await ana.SayAsync("me!");
        await bob.WaitForAsync(Line("#games ana: me!"));
        await bob.WriteLineAsync("#lobby back in the lobby, all");
        await cy.WaitForLineAsync("bob: back in the lobby, all");
        await ana.WaitForLineAsync("bob: back in the lobby, all");
        await bob.WriteLineAsync("/who");
        await bob.WaitForAsync(Line("* in #games: ana, bob"));
        await bob.WriteLineAsync("/rooms");
        await bob.WaitForAsync(Line("* rooms: #lobby, #games; saying to #games"));
        await cy.WaitForMembersAsync("ana", "bob", "cy");

        // Whispers reach every tab of the one whispered to and the whisperer's other tabs, nobody
        // else; to someone absent, nothing is sent and the whisperer hears so.
        await bob.WriteLineAsync("/w ana psst, ana");
        await ana.WaitForLineAsync("bob → ana: psst, ana", "games");
        await anasTab.WaitForLineAsync("bob → ana: psst, ana", "games");
        await ana.WhisperAsync("bob", "hi bob, quietly");
        await bob.WaitForAsync(Line("ana → bob: hi bob, quietly"));
        await ana.WaitForLineAsync("me → bob: hi bob, quietly", "games");
        await anasTab.WaitForLineAsync("ana → bob: hi bob, quietly", "games");
        await cy.WhisperAsync("dan", "anyone?");
        await cy.WaitForLineAsync("dan is not here");
        await bob.WriteLineAsync("/w dan hello?");
        await bob.WaitForAsync(Line("* dan is not here"));

        // Bob leaves #games, then the chat: each room hears of it, and its member list follows.
        await bob.WriteLineAsync("/leave games");
        await bob.WaitForAsync(Line("* left #games"));
        await ana.WaitForLineAsync("bob left #games", "games");
        await ana.WaitForMembersAsync("ana");
        Assert.Equal(0, await bob.CloseInputAndWaitAsync());
        await ana.WaitForLineAsync("bob left #lobby");
        await cy.WaitForLineAsync("bob left #lobby");
        await anasTab.WaitForLineAsync("bob left #lobby");
        await cy.WaitForMembersAsync("ana", "cy");

        // Cy was never in #games: none of its lines, announcements or whispers reached her.
        Assert.Equal(["#lobby"], await cy.RoomsAsync());
        Assert.DoesNotContain(await cy.LinesAsync(), line => line.Contains("game", StringComparison.Ordinal) || line.Contains('→', StringComparison.Ordinal));
        Assert.Empty(await cy.LinesAsync("games"));

        await anasTab.ShowAsync("lobby");
        Snapshot.Match(Transcripts.Normalise(bob.Transcript), "Chat.ConsoleClient");
        Snapshot.Match(await PageText.OfAsync(ana.Page), "Chat.FirstPage");
        Snapshot.Match(await PageText.OfAsync(anasTab.Page), "Chat.SecondTab");
        Snapshot.Match(await PageText.OfAsync(cy.Page), "Chat.LatePage");
    }

    private static Regex Line(string text) => new("^" + Regex.Escape(text) + "$");
}
