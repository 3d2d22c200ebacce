package murmur.app.fx;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons at the app's sizes. */
public final class Icons {

    private Icons() {}

    public static FontIcon of(Ikon icon) {
        return new FontIcon(icon);
    }

    public static FontIcon of(Ikon icon, int size) {
        FontIcon font = new FontIcon(icon);
        font.setIconSize(size);
        return font;
    }
}
