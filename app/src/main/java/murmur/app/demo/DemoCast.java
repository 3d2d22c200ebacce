package murmur.app.demo;

import java.util.List;

/** Who the demo's users are and what they say. */
final class DemoCast {
    static final List<String> NAMES = List.of("ada", "grace", "linus", "margaret", "alan", "barbara");
    static final String PASSWORD = "demo walrus tangerine";
    static final List<String> LINES = List.of(
            "Good morning! Coffee first, then the bug from yesterday.",
            "Reading the Kademlia paper again. XOR distance is such a neat trick.",
            "Walked along the river at lunch; the herons are back.",
            "Hot take: the best code review comment is a question, not an order.",
            "Finished the bread recipe. Crust: perfect. Crumb: needs work.",
            "Our build went from 9 minutes to 2. Caching the right thing matters.",
            "Does anyone else name their test data after characters from novels?",
            "Rain all day. Perfect weather for refactoring.",
            "Tried the new bike route to work: 12 minutes faster and no hills.",
            "A reminder that 'it works on my machine' is the start of a sentence.",
            "Learned today that the Monte Carlo method is older than most computers.",
            "Planting tomatoes this weekend. Any tips for a small balcony?",
            "No server, no ads, just people. This is how the web felt once.",
            "Debugging by explaining the problem to my cat. Cat was unimpressed.",
            "Finally read 'The Mythical Man-Month'. Still true, fifty years on.",
            "Small wins: the flaky test was a clock, and now the clock is injected.",
            "Sunset from the office window tonight was unreal.",
            "Pair programming session went great. Two heads, one keyboard, zero bugs (so far).",
            "Café au lait and a crème brûlée. Some days are simply good.",
            "Writing docs for the thing I built last week, and finding bugs while doing it.");

    /** What the cast says in reply: to each other now and then, and to every post of someone new. */
    static final List<String> REPLIES = List.of(
            "Ha, same here.",
            "Agreed, and well put.",
            "Welcome! Good to see a new face on here.",
            "Tell me more, I'm curious.",
            "This made my day.",
            "Counterpoint: only on Fridays.",
            "Saving this one for later.",
            "Could not have said it better.");

    private DemoCast() {}
}
