package murmur.app.profile;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import murmur.app.fx.Avatar;
import murmur.app.fx.OnlineDot;
import murmur.timeline.UserSummary;

/** A user in a followers or following list: avatar, name (a link to their profile) and an online dot. */
final class UserCell extends ListCell<UserSummary> {
    private final Consumer<String> openProfile;

    UserCell(Consumer<String> openProfile) {
        this.openProfile = openProfile;
    }

    @Override
    protected void updateItem(UserSummary user, boolean empty) {
        super.updateItem(user, empty);
        if (empty || user == null) {
            setGraphic(null);
            return;
        }
        Hyperlink name = new Hyperlink(user.name());
        name.setOnAction(e -> openProfile.accept(user.name()));
        OnlineDot dot = new OnlineDot(user.online());
        HBox row = new HBox(8, new Avatar(user.name(), 12), name, dot);
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        setAccessibleText(user.name() + (user.online() ? ", online" : ", offline"));
    }
}
