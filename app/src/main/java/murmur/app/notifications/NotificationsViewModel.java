package murmur.app.notifications;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import murmur.app.fx.Activatable;
import murmur.app.fx.OnUi;
import murmur.app.fx.Subscriptions;
import murmur.timeline.Notification;
import murmur.timeline.TimelineService;

/**
 * The notification list and the unread count. Active for the whole session, because the count shows in the
 * navigation; {@link #markRead()} is called when the list is looked at.
 */
public final class NotificationsViewModel implements Activatable {
    private final TimelineService service;
    private final Clock clock;
    private final Executor ui;
    private final ObservableList<NotificationItem> items = FXCollections.observableArrayList();
    private final SimpleIntegerProperty unread = new SimpleIntegerProperty();
    private final Subscriptions subscriptions = new Subscriptions();
    private List<Notification> latest = List.of();

    public NotificationsViewModel(TimelineService service, Clock clock, Executor ui) {
        this.service = service;
        this.clock = clock;
        this.ui = ui;
    }

    public ObservableList<NotificationItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty unread() {
        return unread;
    }

    @Override
    public void activate() {
        subscriptions.add(OnUi.observe(service.notifications(), ui, list -> {
            latest = list;
            refreshAges();
        }));
        subscriptions.add(OnUi.observe(service.unreadNotifications(), ui, unread::set));
    }

    @Override
    public void deactivate() {
        subscriptions.closeAll();
    }

    public void markRead() {
        if (unread.get() > 0) {
            service.markNotificationsRead();
        }
    }

    public void refreshAges() {
        items.setAll(latest.stream().map(n -> NotificationItem.of(n, clock.instant(), clock.getZone())).toList());
    }
}
