package murmur.app.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Gets a test past the recovery phrase shown after "Create account", as a user who wrote it down would: reads the
 * numbered words on the screen and types back the ones asked for.
 */
public final class PhraseConfirmation {
    private static final Pattern NUMBERED_WORD = Pattern.compile("(\\d+)\\. ([a-z]+)");
    private static final int QUESTIONS = 3;

    private PhraseConfirmation() {}

    /** Waits for the phrase screen, answers its questions and confirms. */
    public static void confirm(FxRobot robot, Duration limit) {
        FxWait.shown(robot, "#confirmPhrase", limit);
        List<String> labels = labels(robot);
        Map<Integer, String> words = new HashMap<>();
        for (String text : labels) {
            Matcher m = NUMBERED_WORD.matcher(text);
            if (m.matches()) {
                words.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        List<String> questions = labels.stream().filter(t -> t.startsWith("Word ")).toList();
        for (int i = 0; i < QUESTIONS; i++) {
            int position = Integer.parseInt(questions.get(i).substring("Word ".length()).trim());
            robot.clickOn("#confirmWord" + i).write(words.get(position));
        }
        robot.clickOn("#confirmPhraseButton");
    }

    private static List<String> labels(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#confirmPhrase").queryParent().lookupAll(".label")
                    .stream().map(n -> ((Label) n).getText()).toList()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the phrase screen could not be read", e);
        }
    }
}
