package murmur.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark: AtlantaFX's Primer themes, switched for the whole application at once. */
final class Theme {
    static final String STYLESHEET = Theme.class.getResource("/murmur/app/murmur.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty();

    Theme(boolean startDark) {
        dark.addListener((obs, was, now) -> apply(now));
        dark.set(startDark);
        apply(startDark);
    }

    BooleanProperty dark() {
        return dark;
    }

    static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
